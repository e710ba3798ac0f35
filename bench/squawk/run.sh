#!/usr/bin/env bash
# Peer test set against Squawk (see README.md): installs squawk-cli from the npm registry into a temp
# folder, lints every case of cases.sql with our rules (Harness/) and with Squawk, and prints per Squawk
# rule the coverage of its flagged cases and our findings on the cases it accepts.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../lib.sh
source "$here/../lib.sh"

SQUAWK_VERSION=${SQUAWK_VERSION:-2.66.0}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
LOGS=$work

echo "installing squawk-cli@$SQUAWK_VERSION into a temp folder" >&2
run_logged npm npm install --prefix "$work/npm" --no-save --no-audit --no-fund "squawk-cli@$SQUAWK_VERSION"
[[ $RC -eq 0 ]] || die "npm install squawk-cli" "$work/npm.out" "$work/npm.err"
squawk="$work/npm/node_modules/.bin/squawk"

echo "building the harness" >&2
run_logged build dotnet build "$here/Harness/Harness.csproj" -c Release -nodeReuse:false --artifacts-path "$work/artifacts"
[[ $RC -eq 0 ]] || die "dotnet build Harness" "$work/build.out" "$work/build.err"
harness=$(find "$work/artifacts/bin/Harness" -name Harness.dll | head -n 1)

run_logged ours dotnet "$harness" "$here/cases.sql"
[[ $RC -eq 0 ]] || die "harness" "$work/ours.out" "$work/ours.err"

echo "Squawk $("$squawk" --version | awk '{ print $2 }') against Cognova.Build, $(grep -c '^-- case:' "$here/cases.sql") cases"
echo
python3 "$here/compare.py" "$squawk" "$work/ours.out"
