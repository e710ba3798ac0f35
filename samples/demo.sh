#!/usr/bin/env bash
# Shows Cognova.Build on the sample app, as a user meets it: packs the packages, copies the sample
# to a temporary folder that references them, builds it (the checks pass and the lock file is
# written), publishes it and deploys its schema to a throw-away PostgreSQL server with the migration
# bundle (when the machine has PostgreSQL's initdb), then changes the model without a migration and
# builds again (COG1001).
# Usage: samples/demo.sh            (nothing in the repository is changed)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="0.1.0-demo.$(date -u +%Y%m%d%H%M%S)"
work="$(mktemp -d)"
export DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1 DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

global_packages="$(dotnet nuget locals global-packages --list | sed 's/^[^:]*: *//')"
pg_bin=""
cleanup() {
  if [ -n "$pg_bin" ] && [ -f "$work/pg/data/postmaster.pid" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  rm -rf "${global_packages:?}/cognova.build/$version" "${global_packages:?}/cognova.migrations/$version"
}
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
trap cleanup EXIT

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Pack Cognova.Build and Cognova.Migrations $version"
for package in Cognova.Build Cognova.Migrations; do
  dotnet pack "$repo/src/$package/$package.csproj" -c Release -o "$work/feed" -p:Version="$version" -nodeReuse:false -v:q -tl:off
done

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
sed -i "s|<CognovaUseRepoBuild>true</CognovaUseRepoBuild>||; s|<ProjectReference Include=\"../../src/Cognova.Migrations/Cognova.Migrations.csproj\" />|<PackageReference Include=\"Cognova.Migrations\" Version=\"$version\" />|; s|</Project>|  <ItemGroup>\n    <PackageReference Include=\"Cognova.Build\" Version=\"$version\" PrivateAssets=\"all\" />\n  </ItemGroup>\n</Project>|" "$work/app/Cognova.Sample.csproj"

step "dotnet build: the model matches its migrations, the SQL passes the rules"
dotnet build "$work/app" -nodeReuse:false -tl:off -clp:NoSummary -p:CognovaVerbose=true | grep -E "Cognova: (load|find|create|diff|generate|apply)|COG|Build succeeded|error" || true

step "dotnet publish: the app, and the migration bundle efbundle beside it"
dotnet publish "$work/app" -nodeReuse:false -tl:off -v:q -clp:NoSummary -o "$work/out" | grep -E "efbundle|error" || true
ls -la "$work/out/efbundle"

pg_initdb="$(command -v initdb || ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1 || true)"
if [ -n "$pg_initdb" ]; then
  pg_bin="$(dirname "$(readlink -f "$pg_initdb")")"
  port=$(( 20000 + RANDOM % 20000 ))
  step "Deploy: start a throw-away PostgreSQL on 127.0.0.1:$port and run the bundle twice"
  mkdir -p "$work/pg" && chmod 755 "$work" && { [ "$(id -u)" != 0 ] || chown postgres "$work/pg"; }
  as_postgres "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=trust -E UTF8 >/dev/null
  as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w -o "-c listen_addresses=127.0.0.1 -p $port -k $work/pg -c fsync=off" start >/dev/null
  as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE sample" postgres
  DATABASE_URL="postgres://postgres@127.0.0.1:$port/sample" "$work/out/efbundle"
  DATABASE_URL="postgres://postgres@127.0.0.1:$port/sample" "$work/out/efbundle"
  as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -c '\dt' sample
else
  step "Deploy skipped: no PostgreSQL initdb on this machine (install the postgresql package to see it)"
fi

step "Add a property to Tag without a migration, and build again"
sed -i 's/public required string Color { get; set; }/public required string Color { get; set; }\n\n    public string? Description { get; set; }/' "$work/app/Data/Tag.cs"
if dotnet build "$work/app" -nodeReuse:false -tl:off -clp:NoSummary; then
  echo "unexpected: the build passed" >&2
  exit 1
fi

step "The build failed with COG1001, as it should: add a migration to fix it (dotnet cognova generate AddTagDescription, or dotnet ef migrations add AddTagDescription --no-build)."
