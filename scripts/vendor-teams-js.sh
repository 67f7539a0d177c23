#!/usr/bin/env bash
# Refreshes the vendored Teams JavaScript client library (src/PartnershipBot/Tab/Vendor/teams-js) from npm:
# the UMD build and its licence, unchanged. Prints the SHA-256 to record in its README and TabLocalModeTests.
set -euo pipefail
version="${1:?usage: vendor-teams-js.sh <version>, e.g. 2.58.0}"
cd "$(dirname "$0")/.."
target=src/PartnershipBot/Tab/Vendor/teams-js
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@microsoft/teams-js@$version" >/dev/null && tar xzf microsoft-teams-js-*.tgz)
cp "$work/package/dist/umd/MicrosoftTeams.min.js" "$work/package/LICENSE" "$target/"
sha256sum "$target/MicrosoftTeams.min.js"
