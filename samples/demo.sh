#!/usr/bin/env bash
# Shows Cognova.Build on the sample app, as a user meets it: packs the package, copies the sample
# to a temporary folder that references the package, builds it (the checks pass and the lock file
# is written), then changes the model without a migration and builds again (COG1001).
# Usage: samples/demo.sh            (nothing in the repository is changed)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="0.1.0-demo.$(date -u +%Y%m%d%H%M%S)"
work="$(mktemp -d)"
export DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1 DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

global_packages="$(dotnet nuget locals global-packages --list | sed 's/^[^:]*: *//')"
cleanup() {
  rm -rf "$work"
  rm -rf "${global_packages:?}/cognova.build/$version"
}
trap cleanup EXIT

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Pack Cognova.Build $version"
dotnet pack "$repo/src/Cognova.Build/Cognova.Build.csproj" -c Release -o "$work/feed" -p:Version="$version" -nodeReuse:false -v:q -tl:off

step "Copy the sample into $work/app and reference the package"
cp -r "$repo/samples/Cognova.Sample" "$work/app"
rm -rf "$work/app/bin" "$work/app/obj"
cp "$repo/global.json" "$work/"
echo '<Project />' > "$work/Directory.Build.props"
echo '<Project />' > "$work/Directory.Build.targets"
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="cognova-demo" value="$work/feed" />
  </packageSources>
</configuration>
XML
sed -i "s|<CognovaUseRepoBuild>true</CognovaUseRepoBuild>||; s|</Project>|  <ItemGroup>\n    <PackageReference Include=\"Cognova.Build\" Version=\"$version\" PrivateAssets=\"all\" />\n  </ItemGroup>\n</Project>|" "$work/app/Cognova.Sample.csproj"

step "dotnet build: the model matches its migrations, the SQL passes the rules"
dotnet build "$work/app" -nodeReuse:false -tl:off -clp:NoSummary -p:CognovaVerbose=true | grep -E "Cognova: (load|find|create|diff|generate|apply)|COG|Build succeeded|error" || true

step "Add a property to Tag without a migration, and build again"
sed -i 's/public required string Color { get; set; }/public required string Color { get; set; }\n\n    public string? Description { get; set; }/' "$work/app/Data/Tag.cs"
if dotnet build "$work/app" -nodeReuse:false -tl:off -clp:NoSummary; then
  echo "unexpected: the build passed" >&2
  exit 1
fi

step "The build failed with COG1001, as it should: add a migration (dotnet ef migrations add AddTagDescription) to fix it."
