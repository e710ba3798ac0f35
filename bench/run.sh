#!/usr/bin/env bash
# Cognova.Build benchmark: prints a Markdown table comparing
#   1. a no-op `dotnet build` of the sample app with the package vs without it, and
#   2. the drift check alone (the design host, run directly) after a model change vs
#      `dotnet ef migrations has-pending-model-changes --no-build`, and
#   3. the full check (drift + SQL rules + lock, the host run directly) on a generated project with
#      200 migrations, cold (lock deleted) and warm (lock present), vs the drift-only check on the sample.
# Progress goes to stderr, the table to stdout. See bench/README.md.
#
# Knobs (environment):
#   BENCH_RUNS=7   timed runs per side, per measurement (interleaved)
#   BENCH_KEEP=1   keep the temp folder and the package in the NuGet global packages folder
set -euo pipefail

RUNS="${BENCH_RUNS:-7}"
KEEP="${BENCH_KEEP:-0}"
if ! [[ "$RUNS" =~ ^[1-9][0-9]*$ ]]; then
    echo "BENCH_RUNS must be a positive integer (got '$RUNS')" >&2
    exit 2
fi

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$REPO/bench/lib.sh"
# Measurement 3's generated project (bench/gen-migrations.py): this many tables, one migration each.
MIGRATIONS=200
SAMPLE="$REPO/samples/Cognova.Sample"
PROJECT_NAME="Cognova.Sample"

# bench/lib.sh turns the compiler server off; the timed no-op builds do not compile, so it does not affect them.

BUILD_FLAGS=(-nodeReuse:false)

WALL_START=$(date +%s%N)
VERSION="0.0.0-bench.$(date -u +%Y%m%d%H%M%S).$$"
TMP="$(mktemp -d)"
LOGS="$TMP/logs"
FEED="$TMP/feed"
WORK="$TMP/work"
GLOBAL_PACKAGES=""
mkdir -p "$LOGS" "$FEED" "$WORK"
# The design host's precompiled images (CognovaReadyToRun): a fresh folder, made by the warm-up build's host and
# waited for before the timed host runs (the host inherits this variable through MSBuild).
IMAGES="$TMP/images"
export COGNOVA_READY_TO_RUN_CACHE="$IMAGES"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

cleanup() {
    local rc=$?
    if [[ "$KEEP" == "1" ]]; then
        log "BENCH_KEEP=1: kept $TMP and Cognova.Build $VERSION in the global packages folder"
        return $rc
    fi
    rm -rf "$TMP"
    remove_bench_packages
    return $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM


# ---------------------------------------------------------------------------------------------
# 1. Pack a snapshot of the working tree (no bin/obj) into a local feed, with a unique version.
#    Packing a copy keeps the bench away from the tree's own bin/obj folders.
# ---------------------------------------------------------------------------------------------
log "temp folder: $TMP"
log "packing Cognova.Build $VERSION (Release)"
mkdir -p "$TMP/repo"
tar -C "$REPO" \
    --exclude=./.git --exclude=./artifacts --exclude=./bench \
    --exclude=bin --exclude=obj --exclude=TestResults --exclude=.vs \
    -cf - . | tar -C "$TMP/repo" -xf -
run_logged pack dotnet pack "$TMP/repo/Cognova.Build.sln" -c Release -o "$FEED" -p:Version="$VERSION" "${BUILD_FLAGS[@]}"
[[ $RC -eq 0 ]] || die "dotnet pack failed (exit $RC)" "$LOGS/pack.out" "$LOGS/pack.err"
[[ -f "$FEED/Cognova.Build.$VERSION.nupkg" ]] || die "pack did not produce Cognova.Build.$VERSION.nupkg" "$LOGS/pack.out"
log "packed in $((ELAPSED_MS / 1000)) s"

# ---------------------------------------------------------------------------------------------
# 2. Two copies of the sample app: with/ (package reference) and without/ (no package).
# ---------------------------------------------------------------------------------------------
log "preparing with/ and without/ copies of samples/Cognova.Sample"
cp "$REPO/global.json" "$WORK/global.json"
echo '<Project />' >"$WORK/Directory.Build.props"
echo '<Project />' >"$WORK/Directory.Build.targets"
cat >"$WORK/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <!-- Adds the bench's local feed; the machine's own sources stay. -->
    <add key="cognova-bench" value="$FEED" />
  </packageSources>
</configuration>
EOF

for side in with without; do
    mkdir -p "$WORK/$side"
    tar -C "$SAMPLE" --exclude=./bin --exclude=./obj -cf - . | tar -C "$WORK/$side" -xf -
    csproj="$WORK/$side/$PROJECT_NAME.csproj"
    [[ -f "$csproj" ]] || die "$PROJECT_NAME.csproj not found in the sample copy"
    # Drop the repo-only wiring (and its comment); the copies stand alone like a user's project.
    sed -i -e '/CognovaUseRepoBuild/d' -e '/Use the Cognova.Build targets straight from this repository/d' "$csproj"
    # The sample uses start-up migrations from the repository (src/Cognova.Migrations); a copy uses the package.
    sed -i -e "s#<ProjectReference Include=\"[./]*src/Cognova.Migrations/Cognova.Migrations.csproj\" />#<PackageReference Include=\"Cognova.Migrations\" Version=\"$VERSION\" />#" "$csproj"
    ! grep -q 'src/Cognova.Migrations' "$csproj" || die "could not replace the project reference to src/Cognova.Migrations in $side/$PROJECT_NAME.csproj"
    # The empty Directory.Build.props no longer supplies what the repository's does; keep the sample compiling.
    for setting in Nullable ImplicitUsings; do
        if ! grep -q "<$setting>" "$csproj"; then
            sed -i -e "s#^</Project>#  <PropertyGroup>\n    <$setting>enable</$setting>\n  </PropertyGroup>\n\n</Project>#" "$csproj"
        fi
    done
    if [[ "$side" == with ]]; then
        sed -i -e "s#^</Project>#  <ItemGroup>\n    <PackageReference Include=\"Cognova.Build\" Version=\"$VERSION\" PrivateAssets=\"all\" />\n  </ItemGroup>\n\n</Project>#" "$csproj"
        grep -q "Include=\"Cognova.Build\" Version=\"$VERSION\"" "$csproj" || die "could not add the package reference to with/$PROJECT_NAME.csproj"
    fi
    ! grep -q CognovaUseRepoBuild "$csproj" || die "CognovaUseRepoBuild is still set in $side/$PROJECT_NAME.csproj"
done
WITH_PROJ="$WORK/with/$PROJECT_NAME.csproj"
WITHOUT_PROJ="$WORK/without/$PROJECT_NAME.csproj"

GLOBAL_PACKAGES="$(cd "$WORK" && dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')"
GLOBAL_PACKAGES="${GLOBAL_PACKAGES%/}"
[[ -n "$GLOBAL_PACKAGES" ]] || die "could not find the NuGet global packages folder"
SDK_VERSION="$(cd "$WORK" && dotnet --version)"

log "restoring the dotnet-ef tool from the repository's manifest"
run_logged tool-restore bash -c "cd \"\$1\" && dotnet tool restore" _ "$REPO"
[[ $RC -eq 0 ]] || die "dotnet tool restore failed" "$LOGS/tool-restore.out" "$LOGS/tool-restore.err"

# ---------------------------------------------------------------------------------------------
# 3. Measurement 1: no-op build, with vs without, interleaved.
# ---------------------------------------------------------------------------------------------
cd "$WORK"
for side in with without; do
    log "warm-up build ($side/, with restore)"
    run_logged "warmup-$side" dotnet build "$WORK/$side/$PROJECT_NAME.csproj" "${BUILD_FLAGS[@]}"
    [[ $RC -eq 0 ]] || die "warm-up build of $side/ failed (exit $RC)" "$LOGS/warmup-$side.out" "$LOGS/warmup-$side.err"
    log "  $side/: ${ELAPSED_MS} ms"
done
log "waiting for the precompiled images the warm-up build's design host asked for"
log "  $(wait_for_images "$IMAGES")"
STAMP="$WORK/with/obj/Debug/net10.0/$PROJECT_NAME.cognova.check.stamp"
[[ -f "$STAMP" ]] || die "with/ built, but the Cognova check did not run (no $PROJECT_NAME.cognova.check.stamp)" "$LOGS/warmup-with.out"
! compgen -G "$WORK/without/obj/Debug/net10.0/*.cognova.*" >/dev/null || die "without/ ran the Cognova check"
# The -p:CognovaEnabled=false build below drops the .cognova.* files from obj/ (IncrementalClean), so keep the
# sources list the build wrote and put it back for the host.
SOURCES_BUILT="$WORK/with/obj/Debug/net10.0/$PROJECT_NAME.cognova.sources"
[[ -f "$SOURCES_BUILT" ]] || die "with/ built, but wrote no $PROJECT_NAME.cognova.sources"
cp "$SOURCES_BUILT" "$TMP/sources.saved"

log "no-op builds: $RUNS runs each, interleaved (with, without, ...)"
NOOP_WITH=""
NOOP_WITHOUT=""
for i in $(seq 1 "$RUNS"); do
    run_logged "noop-with-$i" dotnet build --no-restore "${BUILD_FLAGS[@]}" "$WITH_PROJ"
    [[ $RC -eq 0 ]] || die "no-op build of with/ failed (run $i, exit $RC)" "$LOGS/noop-with-$i.out"
    w=$ELAPSED_MS
    run_logged "noop-without-$i" dotnet build --no-restore "${BUILD_FLAGS[@]}" "$WITHOUT_PROJ"
    [[ $RC -eq 0 ]] || die "no-op build of without/ failed (run $i, exit $RC)" "$LOGS/noop-without-$i.out"
    wo=$ELAPSED_MS
    NOOP_WITH="$NOOP_WITH $w"
    NOOP_WITHOUT="$NOOP_WITHOUT $wo"
    log "  run $i/$RUNS: with ${w} ms, without ${wo} ms"
done

# ---------------------------------------------------------------------------------------------
# 4. Measurement 2: after a model change, the design host alone vs dotnet ef has-pending-model-changes.
# ---------------------------------------------------------------------------------------------
TAG="$WORK/with/Data/Tag.cs"
[[ -f "$TAG" ]] || die "Data/Tag.cs not found in the sample"
awk '{ print } /class Tag([^A-Za-z0-9_]|$)/ { inclass = 1 } inclass && /^[[:space:]]*\{[[:space:]]*$/ {
        print "    public string? Description { get; set; }"; print ""; inclass = 0 }' "$TAG" >"$TAG.new"
mv "$TAG.new" "$TAG"
grep -q 'public string? Description { get; set; }' "$TAG" || die "could not add a property to Data/Tag.cs"
log "model changed: added Tag.Description; building with -p:CognovaEnabled=false"
run_logged model-build dotnet build --no-restore "${BUILD_FLAGS[@]}" -p:CognovaEnabled=false "$WITH_PROJ"
[[ $RC -eq 0 ]] || die "build after the model change failed (exit $RC)" "$LOGS/model-build.out" "$LOGS/model-build.err"
if [[ ! -f "$SOURCES_BUILT" ]]; then
    log "  (restoring obj/$PROJECT_NAME.cognova.sources, removed by that build's IncrementalClean)"
    cp "$TMP/sources.saved" "$SOURCES_BUILT"
fi

# Paths the build task would pass to the host.
run_logged props dotnet msbuild "$WITH_PROJ" "${BUILD_FLAGS[@]}" \
    -getProperty:TargetPath -getProperty:ProjectDepsFilePath -getProperty:ProjectRuntimeConfigFilePath \
    -getProperty:NuGetPackageFolders -getProperty:IntermediateOutputPath
[[ $RC -eq 0 ]] || die "could not read the project's properties" "$LOGS/props.out" "$LOGS/props.err"
# Values come JSON-escaped; MSBuild may hand back "obj\Debug/..." even on Unix, so backslashes become slashes.
prop() { sed -n "s/^ *\"$1\": \"\(.*\)\",\{0,1\} *\$/\1/p" "$LOGS/props.out" | sed 's#\\\\#/#g'; }
APP_DLL="$(prop TargetPath)"
DEPS_FILE="$(prop ProjectDepsFilePath)"
RUNTIME_CONFIG="$(prop ProjectRuntimeConfigFilePath)"
PACKAGE_FOLDERS="$(prop NuGetPackageFolders)"
OBJ_DIR="$WORK/with/$(prop IntermediateOutputPath)"
SOURCES="${OBJ_DIR%/}/$PROJECT_NAME.cognova.sources"
HOST_DLL="$GLOBAL_PACKAGES/cognova.build/$VERSION/tools/net10.0/Cognova.Engine.dll"
for f in "$APP_DLL" "$DEPS_FILE" "$RUNTIME_CONFIG" "$HOST_DLL" "$SOURCES"; do
    [[ -f "$f" ]] || die "expected file missing: $f" "$LOGS/props.out"
done
# The environment the MSBuild task gives the host (see build/Cognova.Build.targets).
HOST_CMD=(env DOTNET_TieredPGO=0 DOTNET_gcConcurrent=0 dotnet exec --depsfile "$DEPS_FILE" --runtimeconfig "$RUNTIME_CONFIG")
IFS=';' read -r -a folders <<<"$PACKAGE_FOLDERS"
for folder in "${folders[@]}"; do
    if [[ -n "$folder" ]]; then HOST_CMD+=(--additionalprobingpath "${folder%/}"); fi
done
HOST_CMD+=("$HOST_DLL" check --assembly "$APP_DLL" --project "$WITH_PROJ" --project-dir "$WORK/with" --sources "$SOURCES")
# Measurement 2 times the drift check alone, as its label says.
HOST_CMD+=(--drift error --sql-check false --lock-check false)
EF_CMD=(dotnet tool run dotnet-ef migrations has-pending-model-changes --no-build --project "$WITH_PROJ")

# dotnet-ef is pinned in the repository's tool manifest, so both commands run from the repository root.
cd "$REPO"
log "drift check after the model change: $RUNS runs each, interleaved (host, dotnet ef, ...)"
DRIFT_HOST=""
DRIFT_EF=""
for i in $(seq 1 "$RUNS"); do
    run_logged "host-$i" "${HOST_CMD[@]}"
    h=$ELAPSED_MS
    if [[ $RC -ne 1 ]]; then
        die "the design host exited with $RC, expected 1 (drift reported)" "$LOGS/host-$i.out" "$LOGS/host-$i.err"
    fi
    if [[ $i -eq 1 ]] && ! grep -q 'error COG1001' "$LOGS/host-1.out"; then
        die "the design host exited with 1 but printed no 'error COG1001' line on stdout" "$LOGS/host-1.out" "$LOGS/host-1.err"
    fi

    run_logged "ef-$i" "${EF_CMD[@]}"
    e=$ELAPSED_MS
    if [[ $RC -eq 0 ]]; then
        die "dotnet ef has-pending-model-changes exited with 0, expected non-zero (pending changes)" "$LOGS/ef-$i.out" "$LOGS/ef-$i.err"
    fi
    if [[ $i -eq 1 ]] && ! grep -qi 'changes have been made to the model' "$LOGS/ef-1.out" "$LOGS/ef-1.err"; then
        die "dotnet ef exited with $RC but did not report pending model changes" "$LOGS/ef-1.out" "$LOGS/ef-1.err"
    fi
    DRIFT_HOST="$DRIFT_HOST $h"
    DRIFT_EF="$DRIFT_EF $e"
    log "  run $i/$RUNS: host ${h} ms (exit 1), dotnet ef ${e} ms (exit $RC)"
done
log "host reported: $(grep -m1 'error COG1001' "$LOGS/host-1.out" | sed 's/.*error COG1001: //')"

# ---------------------------------------------------------------------------------------------
# 5. Measurement 3: the full check (drift + SQL rules + lock) on a generated project with
#    $MIGRATIONS migrations, cold (lock deleted, so computed and written) and warm (lock present),
#    against the drift-only check on the sample.
# ---------------------------------------------------------------------------------------------
command -v python3 >/dev/null || die "python3 is needed to generate the $MIGRATIONS-migration project"
BIG="$WORK/bench$MIGRATIONS"
BIG_NAME="Bench200"
BIG_PROJ="$BIG/$BIG_NAME.csproj"
BIG_MIGRATIONS="$BIG/Data/Migrations"
BIG_LOCK="$BIG_MIGRATIONS/migrations.lock.json"
log "generating a project with $MIGRATIONS tables and $MIGRATIONS migrations (bench/gen-migrations.py)"
python3 "$REPO/bench/gen-migrations.py" "$BIG" "$MIGRATIONS" "$VERSION" || die "bench/gen-migrations.py failed"
[[ -f "$BIG_PROJ" ]] || die "bench/gen-migrations.py wrote no $BIG_NAME.csproj"

# The model snapshot: `dotnet ef migrations add` on the compiled model, then only its snapshot is kept.
# This first build runs without the checks, which would (rightly) stop at the missing snapshot.
cd "$WORK"
run_logged big-build-nocheck dotnet build "${BUILD_FLAGS[@]}" -p:CognovaEnabled=false "$BIG_PROJ"
[[ $RC -eq 0 ]] || die "build of the generated project failed (exit $RC)" "$LOGS/big-build-nocheck.out" "$LOGS/big-build-nocheck.err"
log "  built without the checks in ${ELAPSED_MS} ms; adding the model snapshot with dotnet ef"
cd "$REPO"
run_logged big-ef-add dotnet tool run dotnet-ef migrations add Snapshot --no-build --project "$BIG_PROJ" --output-dir Data/Migrations
[[ $RC -eq 0 ]] || die "dotnet ef migrations add Snapshot failed (exit $RC)" "$LOGS/big-ef-add.out" "$LOGS/big-ef-add.err"
[[ -f "$BIG_MIGRATIONS/BenchContextModelSnapshot.cs" ]] || die "dotnet ef wrote no Data/Migrations/BenchContextModelSnapshot.cs" "$LOGS/big-ef-add.out"
snapshot_migration=("$BIG_MIGRATIONS"/*_Snapshot.cs)
[[ -f "${snapshot_migration[0]}" ]] || die "dotnet ef wrote no *_Snapshot.cs migration" "$LOGS/big-ef-add.out"
# Sanity check of the hand-written migrations: together they name the same tables, keys, foreign keys
# and indexes as the migration EF generated from the model.
diff <(grep -oh 'name: "[^"]*"' "${snapshot_migration[0]}" | sort -u) \
    <(grep -oh 'name: "[^"]*"' "$BIG_MIGRATIONS"/*_AddTable*.cs | sort -u) >"$LOGS/big-names.diff" ||
    die "the generated migrations do not name what EF's own migration of the model names" "$LOGS/big-names.diff"
rm -f "$BIG_MIGRATIONS"/*_Snapshot.cs "$BIG_MIGRATIONS"/*_Snapshot.Designer.cs

# The build with the checks: no drift and no error. It is the first local build, so it writes the lock.
cd "$WORK"
log "building the generated project with the checks (writes $(basename "$BIG_LOCK"))"
run_logged big-build dotnet build --no-restore "${BUILD_FLAGS[@]}" "$BIG_PROJ"
if [[ $RC -ne 0 ]] || grep -q 'error COG' "$LOGS/big-build.out"; then
    grep 'COG[0-9]' "$LOGS/big-build.out" | sort -u | head -n 20 >&2 || true
    die "the build of the generated project reported errors (exit $RC)" "$LOGS/big-build.out" "$LOGS/big-build.err"
fi
[[ -f "$BIG_LOCK" ]] || die "the build did not write $BIG_LOCK" "$LOGS/big-build.out"
locked_count=$(grep -c '"id": "2024' "$BIG_LOCK" || true)
[[ "$locked_count" -eq "$MIGRATIONS" ]] || die "the lock file has $locked_count migrations, expected $MIGRATIONS" "$BIG_LOCK"
# MSBuild prints each warning twice (as it happens and in the summary), hence sort -u on whole lines.
BIG_BUILD_WARNINGS=$(grep 'warning COG[0-9]' "$LOGS/big-build.out" | sort -u | grep -o 'warning COG[0-9]*' | sort | uniq -c |
    awk '{ printf "%s%s × %s", sep, $1, $3; sep = ", " }' || true)
log "  built with the checks in ${ELAPSED_MS} ms; lock has $locked_count migrations; check warnings: ${BIG_BUILD_WARNINGS:-none}"
cp "$BIG_LOCK" "$TMP/big-lock.saved"

run_logged big-props dotnet msbuild "$BIG_PROJ" "${BUILD_FLAGS[@]}" \
    -getProperty:TargetPath -getProperty:ProjectDepsFilePath -getProperty:ProjectRuntimeConfigFilePath \
    -getProperty:NuGetPackageFolders -getProperty:IntermediateOutputPath
[[ $RC -eq 0 ]] || die "could not read the generated project's properties" "$LOGS/big-props.out" "$LOGS/big-props.err"
big_prop() { sed -n "s/^ *\"$1\": \"\(.*\)\",\{0,1\} *\$/\1/p" "$LOGS/big-props.out" | sed 's#\\\\#/#g'; }
BIG_DLL="$(big_prop TargetPath)"
BIG_OBJ="$BIG/$(big_prop IntermediateOutputPath)"
BIG_SOURCES="${BIG_OBJ%/}/$BIG_NAME.cognova.sources"
for f in "$BIG_DLL" "$(big_prop ProjectDepsFilePath)" "$(big_prop ProjectRuntimeConfigFilePath)" "$BIG_SOURCES"; do
    [[ -f "$f" ]] || die "expected file missing: $f" "$LOGS/big-props.out"
done
cp "$BIG_SOURCES" "$TMP/big-sources.saved"
FULL_CMD=(env DOTNET_TieredPGO=0 DOTNET_gcConcurrent=0 dotnet exec --depsfile "$(big_prop ProjectDepsFilePath)" --runtimeconfig "$(big_prop ProjectRuntimeConfigFilePath)")
IFS=';' read -r -a folders <<<"$(big_prop NuGetPackageFolders)"
for folder in "${folders[@]}"; do
    if [[ -n "$folder" ]]; then FULL_CMD+=(--additionalprobingpath "${folder%/}"); fi
done
FULL_CMD+=("$HOST_DLL" check --assembly "$BIG_DLL" --project "$BIG_PROJ" --project-dir "$BIG" --sources "$BIG_SOURCES")
# For information only (no target): the drift-only check on the generated project itself, which
# separates the cost of the model's size from the cost of the SQL rules and the lock.
DRIFT_ONLY_BIG_CMD=("${FULL_CMD[@]}" --drift error --sql-check false --lock-check false)
FULL_CMD+=(--drift error --sql-check true --lock-check true)
DRIFT_ONLY_CMD=("${HOST_CMD[@]}")

# full_run NAME EXPECT_LOCK_WRITE: one full check of the generated project; it must exit 0 and print no
# error. With EXPECT_LOCK_WRITE=1 the lock was deleted and must come back identical to the build's;
# otherwise the lock must stay untouched.
full_run() {
    local name=$1 expect_write=$2 before=""
    [[ "$expect_write" == 1 ]] || before="$(stat -c '%y %s' "$BIG_LOCK")"
    run_logged "$name" "${FULL_CMD[@]}"
    if [[ $RC -ne 0 ]] || grep -q 'error COG' "$LOGS/$name.out"; then
        die "the full check of the generated project exited with $RC (expected 0, no error)" "$LOGS/$name.out" "$LOGS/$name.err"
    fi
    if [[ "$expect_write" == 1 ]]; then
        cmp -s "$BIG_LOCK" "$TMP/big-lock.saved" || die "$name: the lock written by the host differs from the one the build wrote" "$LOGS/$name.out"
    else
        [[ "$(stat -c '%y %s' "$BIG_LOCK")" == "$before" ]] || die "$name: the host rewrote a lock file that was up to date" "$LOGS/$name.out"
    fi
}

# The first host run after a build: rebuild the assembly (Program.cs changed) without the checks, so
# no host has run since. The OS file cache stays warm (the bench cannot drop it); there is no JIT cache
# to drop. Lock deleted, as in the cold runs. One figure: it cannot be repeated.
echo 'Console.WriteLine("rebuilt by the bench");' >>"$BIG/Program.cs"
run_logged big-rebuild dotnet build --no-restore "${BUILD_FLAGS[@]}" -p:CognovaEnabled=false "$BIG_PROJ"
[[ $RC -eq 0 ]] || die "rebuild of the generated project failed (exit $RC)" "$LOGS/big-rebuild.out" "$LOGS/big-rebuild.err"
grep -q 'Bench200 ->' "$LOGS/big-rebuild.out" || die "the rebuild did not produce the assembly" "$LOGS/big-rebuild.out"
[[ -f "$BIG_SOURCES" ]] || cp "$TMP/big-sources.saved" "$BIG_SOURCES"
rm -f "$BIG_LOCK"
log "first host run after the rebuild (full check, lock deleted)"
full_run big-first 1
FIRST_FULL=$ELAPSED_MS
log "  ${FIRST_FULL} ms"

log "full check of $MIGRATIONS migrations: $RUNS runs each, interleaved (cold: lock deleted, warm: lock present, drift-only on the sample, drift-only on the $MIGRATIONS-migration project, ...)"
FULL_COLD=""
FULL_WARM=""
DRIFT_ONLY=""
DRIFT_ONLY_BIG=""
cd "$REPO"
for i in $(seq 1 "$RUNS"); do
    rm -f "$BIG_LOCK"
    full_run "full-cold-$i" 1
    c=$ELAPSED_MS
    full_run "full-warm-$i" 0
    w=$ELAPSED_MS
    run_logged "drift-only-$i" "${DRIFT_ONLY_CMD[@]}"
    d=$ELAPSED_MS
    if [[ $RC -ne 1 ]] || ! grep -q 'error COG1001' "$LOGS/drift-only-$i.out"; then
        die "the drift-only check of the sample exited with $RC (expected 1 with error COG1001, the model change)" "$LOGS/drift-only-$i.out" "$LOGS/drift-only-$i.err"
    fi
    if grep -o 'COG[0-9][0-9][0-9][0-9]' "$LOGS/drift-only-$i.out" | grep -qv COG1001; then
        die "the drift-only check of the sample reported more than the drift" "$LOGS/drift-only-$i.out"
    fi
    lock_before="$(stat -c '%y %s' "$BIG_LOCK")"
    run_logged "drift-only-big-$i" "${DRIFT_ONLY_BIG_CMD[@]}"
    b=$ELAPSED_MS
    if [[ $RC -ne 0 ]] || grep -q 'COG[0-9]' "$LOGS/drift-only-big-$i.out"; then
        die "the drift-only check of the generated project exited with $RC (expected 0 and no diagnostic)" "$LOGS/drift-only-big-$i.out" "$LOGS/drift-only-big-$i.err"
    fi
    [[ "$(stat -c '%y %s' "$BIG_LOCK")" == "$lock_before" ]] || die "the drift-only check touched the lock file"
    FULL_COLD="$FULL_COLD $c"
    FULL_WARM="$FULL_WARM $w"
    DRIFT_ONLY="$DRIFT_ONLY $d"
    DRIFT_ONLY_BIG="$DRIFT_ONLY_BIG $b"
    log "  run $i/$RUNS: cold ${c} ms, warm ${w} ms, drift-only sample ${d} ms, drift-only $MIGRATIONS-migration project ${b} ms"
done

log "one warm full run with --verbose for the step timings"
run_logged full-verbose "${FULL_CMD[@]}" --verbose
[[ $RC -eq 0 ]] || die "the verbose full check exited with $RC" "$LOGS/full-verbose.out" "$LOGS/full-verbose.err"
STEPS="$(grep '^cognova: ' "$LOGS/full-verbose.out" | grep -v '^cognova: ef: ' || true)"
[[ -n "$STEPS" ]] || die "the verbose run printed no 'cognova:' lines" "$LOGS/full-verbose.out"
STEPS_MS=$ELAPSED_MS

# ---------------------------------------------------------------------------------------------
# 6. The table.
# ---------------------------------------------------------------------------------------------
m_with=$(echo "$NOOP_WITH" | median)
m_without=$(echo "$NOOP_WITHOUT" | median)
m_host=$(echo "$DRIFT_HOST" | median)
m_ef=$(echo "$DRIFT_EF" | median)
m_cold=$(echo "$FULL_COLD" | median)
m_warm=$(echo "$FULL_WARM" | median)
m_drift_only=$(echo "$DRIFT_ONLY" | median)
m_drift_only_big=$(echo "$DRIFT_ONLY_BIG" | median)
WALL_S=$(awk -v ns="$(($(date +%s%N) - WALL_START))" 'BEGIN { printf "%.0f", ns / 1e9 }')

cat <<EOF

## Cognova.Build bench

| measurement | Cognova | baseline | ratio | target | met |
|---|---:|---:|---:|---:|:---:|
| no-op \`dotnet build\`, with package vs without (median ms) | $m_with | $m_without | $(ratio "$m_with" "$m_without") | ≤ 1.05 | $(meets "$m_with" "$m_without" 1.05) |
| drift check after a model change: design host vs \`dotnet ef migrations has-pending-model-changes --no-build\` (median ms) | $m_host | $m_ef | $(ratio "$m_host" "$m_ef") | ≤ 0.35 | $(meets "$m_host" "$m_ef" 0.35) |
| full check (drift + rules + lock), $MIGRATIONS migrations, cold: lock deleted, computed and written (median ms) | $m_cold | | | ≤ 3000 ms | $(meets "$m_cold" 1 3000) |
| full check, $MIGRATIONS migrations, first host run after a rebuild, lock deleted (single run, ms) | $FIRST_FULL | | | ≤ 3000 ms | $(meets "$FIRST_FULL" 1 3000) |
| full check, $MIGRATIONS migrations, cold vs drift-only check on the sample (median ms) | $m_cold | $m_drift_only | $(ratio "$m_cold" "$m_drift_only") | ≤ 1.5 | $(meets "$m_cold" "$m_drift_only" 1.5) |
| full check, $MIGRATIONS migrations, warm: lock present vs drift-only check on the sample (median ms) | $m_warm | $m_drift_only | $(ratio "$m_warm" "$m_drift_only") | ≤ 1.5 | $(meets "$m_warm" "$m_drift_only" 1.5) |

- runs per side: $RUNS (interleaved), nproc: $(nproc), .NET SDK: $SDK_VERSION, package: Cognova.Build $VERSION
- no-op build, with (ms):$NOOP_WITH
- no-op build, without (ms):$NOOP_WITHOUT
- design host (ms):$DRIFT_HOST
- dotnet ef (ms):$DRIFT_EF
- full check, $MIGRATIONS migrations, cold (ms):$FULL_COLD
- full check, $MIGRATIONS migrations, warm (ms):$FULL_WARM
- drift-only check on the sample (\`--drift error --sql-check false --lock-check false\`, after the model change, exit 1) (ms):$DRIFT_ONLY
- for information, drift-only check on the $MIGRATIONS-migration project itself (ms):$DRIFT_ONLY_BIG (median $m_drift_only_big; warm full check / this: $(ratio "$m_warm" "$m_drift_only_big"))
- checks in the build of the $MIGRATIONS-migration project: ${BIG_BUILD_WARNINGS:-no warning, no error}
- total wall time: ${WALL_S} s

Step timings of one warm full check of the $MIGRATIONS-migration project (\`--verbose\`, ${STEPS_MS} ms in all with the verbose output; EF's own \`ef:\` lines left out):

\`\`\`
$STEPS
\`\`\`
EOF
