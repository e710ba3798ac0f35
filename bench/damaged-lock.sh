#!/usr/bin/env bash
# A damaged lock file with many entries: times `dotnet build` of a copy of the sample app whose lock
# file lists its one real migration and then BENCH_ENTRIES (default 200000) migrations that do not exist
# (each one a COG3002), and counts the error lines the build prints. Progress goes to stderr, one
# Markdown table row per run to stdout.
#
#   bench/damaged-lock.sh            # the working tree
#   bench/damaged-lock.sh <git-ref>  # a commit, to compare before and after a change
#
# Knobs (environment): BENCH_ENTRIES=200000, BENCH_RUNS=3, BENCH_KEEP=1 keeps the temp folder.
set -euo pipefail

ENTRIES="${BENCH_ENTRIES:-200000}"
RUNS="${BENCH_RUNS:-3}"
KEEP="${BENCH_KEEP:-0}"
REF="${1:-}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$REPO/bench/lib.sh"

TMP="$(mktemp -d)"
LOGS="$TMP/logs"
mkdir -p "$LOGS" "$TMP/repo"
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
cleanup() {
    local rc=$?
    if [[ "$KEEP" == "1" ]]; then log "BENCH_KEEP=1: kept $TMP"; else rm -rf "$TMP"; fi
    return $rc
}
trap cleanup EXIT

# The sample builds against the repository's own targets, task and design host (CognovaUseRepoBuild):
# a copy of the tree (or of the commit) needs no pack.
if [[ -n "$REF" ]]; then
    log "copying $REF"
    git -C "$REPO" archive "$REF" | tar -C "$TMP/repo" -xf -
else
    log "copying the working tree"
    tar -C "$REPO" --exclude=./.git --exclude=./artifacts --exclude=bin --exclude=obj --exclude=TestResults -cf - . | tar -C "$TMP/repo" -xf -
fi
SAMPLE="$TMP/repo/samples/Cognova.Sample"
LOCK="$SAMPLE/Data/Migrations/migrations.lock.json"

log "building the sample once (the engine and the app)"
run_logged warmup dotnet build "$SAMPLE/Cognova.Sample.csproj" -c Release -nodeReuse:false
[[ $RC -eq 0 ]] || die "the sample does not build (exit $RC)" "$LOGS/warmup.out"

log "writing a lock file with $ENTRIES entries for migrations that do not exist"
python3 - "$LOCK" "$ENTRIES" <<'PY'
import hashlib, json, sys
path, count = sys.argv[1], int(sys.argv[2])
lock = json.load(open(path))
migrations = lock["contexts"]["AppDbContext"]["migrations"]
previous = migrations[-1]["chain"]
for i in range(count):
    mid = f"2099{i:010d}_Gone{i}"
    sql = "sha256:" + hashlib.sha256(mid.encode()).hexdigest()
    chain = "sha256:" + hashlib.sha256(f"{previous}\n{mid}\n{sql}".encode()).hexdigest()
    migrations.append({"id": mid, "sql": sql, "chain": chain})
    previous = chain
json.dump(lock, open(path, "w"), indent=2)
PY
log "lock file: $(du -h "$LOCK" | cut -f1)"

echo "| run | exit code | wall time (ms) | error lines printed |"
echo "|---|---|---|---|"
for i in $(seq 1 "$RUNS"); do
    run_logged "damaged-$i" dotnet build "$SAMPLE/Cognova.Sample.csproj" -c Release --no-restore -nodeReuse:false -t:CognovaCheck
    errors=$(grep -c ': error COG' "$LOGS/damaged-$i.out" || true)
    echo "| $i | $RC | $ELAPSED_MS | $errors |"
    log "run $i: exit $RC, $ELAPSED_MS ms, $errors error lines"
done
