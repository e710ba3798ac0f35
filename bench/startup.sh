#!/usr/bin/env bash
# Start-up cost of the runtime migration runner with nothing pending, in process:
# AdvisoryLockMigrator.RunAsync vs context.Database.Migrate() on the same up-to-date database.
# Prints a Markdown row and every timed run; progress on stderr. See bench/README.md.
#   BENCH_RUNS=21   timed runs per side (interleaved)
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${BENCH_RUNS:-21}"
if ! [[ "$RUNS" =~ ^[1-9][0-9]*$ ]]; then
    echo "BENCH_RUNS must be a positive integer (got '$RUNS')" >&2
    exit 2
fi
export DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1 DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 UseSharedCompilation=false
echo "[startup bench] building bench/Startup (Release)" >&2
dotnet build "$REPO/bench/Startup/Startup.csproj" -c Release -nodeReuse:false -v:q -tl:off >&2
dotnet "$REPO/bench/Startup/bin/Release/net10.0/Startup.dll" "$RUNS"
