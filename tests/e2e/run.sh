#!/usr/bin/env bash
# End-to-end test: start PartnershipBot (local mode, no app id) and the Microsoft 365 Agents Playground,
# drive the playground's web UI in headless Chromium: personal chat, cards pressed as Action.Execute and as
# Action.Submit, a team channel with two posts; then the bot's own secretariat tab at /tab (content against chat,
# the register CSV against the verb, the register's filters, the channel tab's set-up page /tab/config in a stand-in
# Teams frame, axe-core, screenshots in three themes).
#
# Usage (from anywhere):  bash tests/e2e/run.sh
# Needs: .NET SDK, Node 20+, Chromium (CHROMIUM=/path, default /usr/bin/chromium), and `npm ci` in tests/e2e
# (run.sh runs `npm ci` itself when node_modules is missing).
# Optional env: BOTPORT, PGPORT (default: free ports picked automatically), CHROMIUM.
# Artifacts (kept): tests/e2e/artifacts/ -> build.log, bot.log, playground.log, playground.stdout.log, ui-test.log,
#   browser-console.log, playground-welcome.png, playground-help.png, playground-tor-answer.png,
#   playground-declaration.png, playground-meeting-booked.png, playground-next-meeting.png,
#   playground-chair.png, playground-papers-reminder.png, playground-reminder-execute.png,
#   playground-reminder-submit.png, playground-channel.png
# Screenshots of the tab (kept, gitignored): tests/e2e/screenshots/tab-<page>-<light|dark|contrast>.png,
#   tab-config-<light|dark|contrast>.png, tab-config-unlinked-light.png
set -euo pipefail

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$E2E_DIR/../.." && pwd)"
ART="$E2E_DIR/artifacts"
TAB_SHOTS="$E2E_DIR/screenshots"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

log() { echo "e2e: $*" >&2; }

BOT_PID=""
PG_PID=""
UI_PID=""
DATA_DIR=""
PASSED=0
FAILED=0
SUMMARY_PRINTED=0

summary() {
  if [[ $SUMMARY_PRINTED -eq 0 ]]; then
    SUMMARY_PRINTED=1
    echo "e2e: $PASSED passed, $FAILED failed"
  fi
}

# Kill a process group started with setsid (pgid == pid), politely first.
stop_group() {
  local pid="$1" name="$2"
  [[ -n "$pid" ]] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "$name (pid $pid) did not stop; killing"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  set +e
  stop_group "$UI_PID" "ui test"
  stop_group "$PG_PID" playground
  stop_group "$BOT_PID" bot
  [[ -n "$DATA_DIR" && -d "$DATA_DIR" ]] && rm -rf "$DATA_DIR"
  if [[ $rc -ne 0 && $FAILED -eq 0 ]]; then
    # The harness itself failed (bot or playground did not start, ...): count that as a failure.
    FAILED=$((FAILED + 1))
  fi
  summary
  if [[ $FAILED -gt 0 ]]; then exit 1; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() {
  # true when something listens on TCP port $1
  if command -v ss >/dev/null 2>&1; then
    ss -Hltn "sport = :$1" 2>/dev/null | grep -q .
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

# Poll URL until the body/status satisfies the check or the timeout (s) passes.
wait_http() {
  local url="$1" timeout="$2" expect_body="${3:-}" pid="$4" name="$5"
  local deadline=$((SECONDS + timeout)) code body
  while ((SECONDS < deadline)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$name exited before it was ready"
      return 1
    fi
    body="$(curl -s -m 2 -w '\n%{http_code}' "$url" 2>/dev/null || true)"
    code="${body##*$'\n'}"
    body="${body%$'\n'*}"
    if [[ "$code" == 200 && ( -z "$expect_body" || "$body" == "$expect_body" ) ]]; then
      return 0
    fi
    sleep 0.25
  done
  log "$name not ready at $url after ${timeout}s"
  return 1
}

rm -rf "$ART" "$TAB_SHOTS"
mkdir -p "$ART" "$TAB_SHOTS"

[[ -x "$CHROMIUM" ]] || { log "Chromium not found at $CHROMIUM (apt-get install -y chromium, or set CHROMIUM=)"; exit 1; }
if [[ ! -d "$E2E_DIR/node_modules/@microsoft/m365agentsplayground" || ! -d "$E2E_DIR/node_modules/playwright-core" || ! -d "$E2E_DIR/node_modules/axe-core" ]]; then
  log "installing npm packages (npm ci)"
  (cd "$E2E_DIR" && npm ci --no-audit --no-fund >&2)
fi

BOTPORT="${BOTPORT:-$(free_port)}"
PGPORT="${PGPORT:-$(free_port)}"
while [[ "$PGPORT" == "$BOTPORT" ]]; do PGPORT="$(free_port)"; done
for p in "$BOTPORT" "$PGPORT"; do
  if port_in_use "$p"; then log "port $p is already in use"; exit 1; fi
done

# ---- bot -------------------------------------------------------------------------------------------
# Build first, so the readiness wait below measures start-up, not a Release build on a busy two-core machine
# (which once took longer than the whole wait and failed the run with an empty log).
log "building the bot (Release)"
if ! (cd "$REPO_ROOT" && dotnet build src/PartnershipBot -c Release -nologo -v q) >"$ART/build.log" 2>&1; then
  tail -n 40 "$ART/build.log" >&2 || true
  exit 1
fi
# The test runs the bot's verbs (ask, declarations export) against the running bot's data, from the same build.
BOT_DLL="$(ls "$REPO_ROOT"/src/PartnershipBot/bin/Release/*/PartnershipBot.dll 2>/dev/null | head -n 1)"
[[ -n "$BOT_DLL" ]] || { log "no PartnershipBot.dll under src/PartnershipBot/bin/Release after the build"; exit 1; }

DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/partnershipbot-e2e.XXXXXX")"
log "starting bot on 127.0.0.1:$BOTPORT (data in $DATA_DIR)"
t0=$SECONDS
(
  cd "$REPO_ROOT"
  # Local mode: no app id / password (the playground sends no Authorization header).
  export MicrosoftAppId="" MicrosoftAppPassword="" MicrosoftAppTenantId=""
  export Storage__DataDirectory="$DATA_DIR"
  # Reminders asked for "now" are sent by the dispatcher's poll (default 30 s): poll often so the UI test sees them quickly.
  export Reminders__PollInterval="00:00:02"
  # The tab signs in (local mode, loopback) as the Playground's user, Tess Tester (m365agentsplayground.yml).
  export Tab__DevelopmentPerson="aaaaaaaa-0000-0000-0000-000000000001"
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
  exec setsid dotnet run --project src/PartnershipBot -c Release --no-build --no-launch-profile -- --urls "http://127.0.0.1:$BOTPORT"
) >"$ART/bot.log" 2>&1 &
BOT_PID=$!
if ! wait_http "http://127.0.0.1:$BOTPORT/healthz" 120 "" "$BOT_PID" bot; then
  tail -n 40 "$ART/bot.log" >&2 || true
  exit 1
fi
log "bot ready after $((SECONDS - t0)) s"

# ---- playground ------------------------------------------------------------------------------------
if port_in_use "$PGPORT"; then log "port $PGPORT is already in use"; exit 1; fi
log "starting Agents Playground on port $PGPORT"
t0=$SECONDS
(
  cd "$E2E_DIR"
  export TEAMSAPPTESTER_BROWSER=none
  export M365_AGENTS_PLAYGROUND_CONFIG_PATH="$E2E_DIR/m365agentsplayground.yml"
  export M365_AGENTS_PLAYGROUND_LOGFILE="$ART/playground.log"
  exec setsid node node_modules/.bin/agentsplayground \
    -e "http://127.0.0.1:$BOTPORT/api/messages" -c msteams -p "$PGPORT" --disable-telemetry
) >"$ART/playground.stdout.log" 2>&1 &
PG_PID=$!
if ! wait_http "http://127.0.0.1:$PGPORT/_debug/ping" 60 pong "$PG_PID" playground; then
  tail -n 40 "$ART/playground.stdout.log" "$ART/playground.log" >&2 2>/dev/null || true
  exit 1
fi
# On a busy port the playground silently moves to a random one: make sure it is on ours.
if ! grep -q "Listening on $PGPORT\b" "$ART/playground.stdout.log"; then
  log "playground is not listening on $PGPORT:"
  cat "$ART/playground.stdout.log" >&2
  exit 1
fi
log "playground ready after $((SECONDS - t0)) s"

# ---- UI test ---------------------------------------------------------------------------------------
# In the background (own process group, so Chromium goes with it) and `wait`ed for, so that Ctrl-C / TERM
# reach the trap at once instead of after the test.
(
  cd "$E2E_DIR"
  export PLAYGROUND="http://127.0.0.1:$PGPORT" CHROMIUM="$CHROMIUM" SHOTS="$ART" TAB_SHOTS="$TAB_SHOTS"
  export BOT="http://127.0.0.1:$BOTPORT" BOT_DLL="$BOT_DLL" BOT_DATA="$DATA_DIR"
  exec setsid node "$E2E_DIR/playground-ui.test.js"
) >"$ART/ui-test.log" 2>&1 &
UI_PID=$!
set +e
wait "$UI_PID"
ui_rc=$?
set -e
UI_PID=""
cat "$ART/ui-test.log"
line="$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$ART/ui-test.log" | tail -n 1 || true)"
if [[ -n "$line" ]]; then
  PASSED="$(awk '{print $1}' <<<"$line")"
  FAILED="$(awk '{print $3}' <<<"$line")"
fi
if [[ $ui_rc -ne 0 && $FAILED -eq 0 ]]; then
  FAILED=1
fi
exit 0
