#!/usr/bin/env bash
# Builds the bot's container image as a tarball with the .NET SDK's own container support (no Docker daemon needed):
#   dotnet publish src/PartnershipBot -c Release /t:PublishContainer -p:ContainerArchiveOutputPath=...
# The SDK pulls the aspnet base image from its registry. With no route to it (an offline CI machine) the build is
# skipped with one plain line saying why; ContainerSettingsTests still check the settings. When the registry is
# reachable, a failed build fails this script.
set -uo pipefail
cd "$(dirname "$0")/.."
registry="${PARTNERSHIPBOT_CONTAINER_REGISTRY:-mcr.microsoft.com}"
archive="${1:-artifacts/partnershipbot-image.tar.gz}"

if ! timeout 10 bash -c "exec 3<>/dev/tcp/${registry}/443" 2>/dev/null; then
  echo "container image: SKIPPED, not built: the base image registry ${registry} cannot be reached (no network), so the SDK cannot pull mcr.microsoft.com/dotnet/aspnet; only the image settings were checked (ContainerSettingsTests)."
  exit 0
fi

mkdir -p "$(dirname "$archive")"
if dotnet publish src/PartnershipBot -c Release /t:PublishContainer -p:ContainerArchiveOutputPath="$archive" -v q; then
  echo "container image: built $archive (load it with: docker load -i $archive)"
else
  echo "container image: FAILED to build (the registry ${registry} was reachable)" >&2
  exit 1
fi
