#!/usr/bin/env bash
# Runs every test suite and ends with one plain line: "N passed, N failed[, N skipped]".
# PostgreSQL contract tests run when PARTNERSHIPBOT_TEST_POSTGRES is set (.ci/run starts a server and sets it);
# the end-to-end suite runs when PARTNERSHIPBOT_E2E=1 (needs chromium and tests/e2e's npm packages).
set -uo pipefail
cd "$(dirname "$0")/.."

results=$(mktemp -d)
status=0
dotnet test PartnershipBot.sln --logger "trx;LogFilePrefix=r" --results-directory "$results" "$@" || status=$?

e2e_log="$results/e2e.log"
if [ "${PARTNERSHIPBOT_E2E:-0}" = "1" ] && [ -f tests/e2e/run.sh ]; then
  bash tests/e2e/run.sh 2>&1 | tee "$e2e_log"
  e2e_status=${PIPESTATUS[0]}
  [ "$e2e_status" = 0 ] || status=$e2e_status
fi

python3 - "$results" "$e2e_log" <<'PY' || true
import glob, os, re, sys, xml.etree.ElementTree as ET
p = f = s = 0
# The e2e suite ends with "e2e: N passed, N failed"; fold it into the one closing line.
if os.path.exists(sys.argv[2]):
    m = re.findall(r"e2e: (\d+) passed, (\d+) failed", open(sys.argv[2]).read())
    if m: p += int(m[-1][0]); f += int(m[-1][1])
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).getroot().find(".//{*}Counters")
    if c is None: continue
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    s += int(c.get("notExecuted", 0))
print(f"total: {p} passed, {f} failed, {s} skipped")
PY
exit $status
