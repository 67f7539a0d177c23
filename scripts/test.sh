#!/usr/bin/env bash
# Runs every test suite and ends with one plain line: "N passed, N failed[, N skipped]".
# PostgreSQL contract tests run when PARTNERSHIPBOT_TEST_POSTGRES is set (.ci/run starts a server and sets it);
# the end-to-end suite runs when PARTNERSHIPBOT_E2E=1 (needs chromium and tests/e2e's npm packages).
set -uo pipefail
cd "$(dirname "$0")/.."

results=$(mktemp -d)
status=0
dotnet test PartnershipBot.sln --logger "trx;LogFilePrefix=r" --results-directory "$results" "$@" || status=$?

if [ "${PARTNERSHIPBOT_E2E:-0}" = "1" ] && [ -f tests/e2e/run.sh ]; then
  bash tests/e2e/run.sh || status=$?
fi

python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).getroot().find(".//{*}Counters")
    if c is None: continue
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    s += int(c.get("notExecuted", 0))
print(f"dotnet: {p} passed, {f} failed, {s} skipped")
PY
exit $status
