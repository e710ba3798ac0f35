#!/usr/bin/env bash
# The studio's figures: 50-row pages of a 1,000,000-row table at depth 0, 500,000 and 999,950 (p50/p95), time to
# listening, the 500-table list, resident memory with a 50 MB bytea row. Prints a Markdown table and every timed
# run; progress on stderr. See bench/README.md.
#   BENCH_RUNS=30   timed runs per measurement
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${BENCH_RUNS:-30}"
if ! [[ "$RUNS" =~ ^[1-9][0-9]*$ ]]; then
    echo "BENCH_RUNS must be a positive integer (got '$RUNS')" >&2
    exit 2
fi
export DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1 DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 UseSharedCompilation=false
echo "[studio bench] building bench/Studio (Release)" >&2
dotnet build "$REPO/bench/Studio/Studio.csproj" -c Release -nodeReuse:false -v:q -tl:off >&2
dotnet "$REPO/bench/Studio/bin/Release/net10.0/Studio.dll" "$RUNS"
