#!/usr/bin/env bash
# Cognova.Build benchmark: prints a Markdown table comparing
#   1. a no-op `dotnet build` of the sample app with the package vs without it, and
#   2. the drift check alone (the design host, run directly) after a model change vs
#      `dotnet ef migrations has-pending-model-changes --no-build`.
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
SAMPLE="$REPO/samples/Cognova.Sample"
PROJECT_NAME="Cognova.Sample"

# One MSBuild process per build, nothing left running afterwards (also for the msbuild that dotnet-ef starts).
export DOTNET_CLI_USE_MSBUILD_SERVER=0
export MSBUILDDISABLENODEREUSE=1
export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
# No compiler server left behind either. The timed no-op builds do not compile, so this does not affect them.
export UseSharedCompilation=false

BUILD_FLAGS=(-nodeReuse:false)

WALL_START=$(date +%s%N)
VERSION="0.0.0-bench.$(date -u +%Y%m%d%H%M%S).$$"
TMP="$(mktemp -d)"
LOGS="$TMP/logs"
FEED="$TMP/feed"
WORK="$TMP/work"
GLOBAL_PACKAGES=""
mkdir -p "$LOGS" "$FEED" "$WORK"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

cleanup() {
    local rc=$?
    if [[ "$KEEP" == "1" ]]; then
        log "BENCH_KEEP=1: kept $TMP and Cognova.Build $VERSION in the global packages folder"
        return $rc
    fi
    rm -rf "$TMP"
    if [[ -n "$GLOBAL_PACKAGES" && -d "$GLOBAL_PACKAGES/cognova.build/$VERSION" ]]; then
        rm -rf "${GLOBAL_PACKAGES:?}/cognova.build/$VERSION"
        rmdir "$GLOBAL_PACKAGES/cognova.build" 2>/dev/null || true
    fi
    return $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# die MESSAGE [LOG...]: print the message and the end of each log, then stop.
die() {
    local message=$1
    shift
    echo "" >&2
    echo "BENCH FAILED: $message" >&2
    local f
    for f in "$@"; do
        if [[ -f "$f" ]]; then
            echo "---- last lines of $(basename "$f") ----" >&2
            tail -n 40 "$f" >&2
        fi
    done
    exit 1
}

# run_logged NAME CMD...: run, stdout/stderr to $LOGS/NAME.out/.err; sets RC and ELAPSED_MS.
RC=0
ELAPSED_MS=0
run_logged() {
    local name=$1
    shift
    local start end
    start=$(date +%s%N)
    if "$@" >"$LOGS/$name.out" 2>"$LOGS/$name.err"; then RC=0; else RC=$?; fi
    end=$(date +%s%N)
    ELAPSED_MS=$(((end - start) / 1000000))
}

median() {
    tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 }
        END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%d\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

meets() { awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { print ((a / b) <= t ? "yes" : "**no**") }'; }

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
HOST_DLL="$GLOBAL_PACKAGES/cognova.build/$VERSION/tools/net10.0/Cognova.Build.Design.dll"
for f in "$APP_DLL" "$DEPS_FILE" "$RUNTIME_CONFIG" "$HOST_DLL" "$SOURCES"; do
    [[ -f "$f" ]] || die "expected file missing: $f" "$LOGS/props.out"
done
HOST_CMD=(dotnet exec --depsfile "$DEPS_FILE" --runtimeconfig "$RUNTIME_CONFIG")
IFS=';' read -r -a folders <<<"$PACKAGE_FOLDERS"
for folder in "${folders[@]}"; do
    if [[ -n "$folder" ]]; then HOST_CMD+=(--additionalprobingpath "${folder%/}"); fi
done
HOST_CMD+=("$HOST_DLL" check --assembly "$APP_DLL" --project "$WITH_PROJ" --project-dir "$WORK/with" --sources "$SOURCES")
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
# 5. The table.
# ---------------------------------------------------------------------------------------------
m_with=$(echo "$NOOP_WITH" | median)
m_without=$(echo "$NOOP_WITHOUT" | median)
m_host=$(echo "$DRIFT_HOST" | median)
m_ef=$(echo "$DRIFT_EF" | median)
WALL_S=$(awk -v ns="$(($(date +%s%N) - WALL_START))" 'BEGIN { printf "%.0f", ns / 1e9 }')

cat <<EOF

## Cognova.Build bench

| measurement | Cognova | baseline | ratio | target | met |
|---|---:|---:|---:|---:|:---:|
| no-op \`dotnet build\`, with package vs without (median ms) | $m_with | $m_without | $(ratio "$m_with" "$m_without") | ≤ 1.05 | $(meets "$m_with" "$m_without" 1.05) |
| drift check after a model change: design host vs \`dotnet ef migrations has-pending-model-changes --no-build\` (median ms) | $m_host | $m_ef | $(ratio "$m_host" "$m_ef") | ≤ 0.35 | $(meets "$m_host" "$m_ef" 0.35) |

- runs per side: $RUNS (interleaved), nproc: $(nproc), .NET SDK: $SDK_VERSION, package: Cognova.Build $VERSION
- no-op build, with (ms):$NOOP_WITH
- no-op build, without (ms):$NOOP_WITHOUT
- design host (ms):$DRIFT_HOST
- dotnet ef (ms):$DRIFT_EF
- total wall time: ${WALL_S} s
EOF
