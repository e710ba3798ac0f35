#!/usr/bin/env bash
# Cognova.Build "build after a code edit" benchmark: prints a Markdown table comparing
#   1. `dotnet build` after a one-line edit to Program.cs (a comment: the model and the migrations stay
#      as they are) of a generated project with 60 migrations, with the package (the check runs) vs the
#      same project without the package,
#   2. the same at 10 and at 200 migrations, and how the added time (with minus without) grows from
#      10 to 200 migrations; in these projects the model grows with the history (N tables for N migrations),
#   2b. "history only": the same (with vs without, no cold side) on a model of 10 tables with a history of
#      10, 60 and 200 migrations, and how the added time grows with the history alone (the issue's target,
#      measured outside the compiler: each build's time minus its CoreCompile target, see outside_table),
#   3. the drift check after a model change on the 60-migration project: the design host run directly
#      vs `dotnet ef migrations has-pending-model-changes --no-build`.
# Precompiled images (CognovaReadyToRun) are made in a folder of the bench's own by the first builds and waited
# for before any timed run; for comparison, measurements 1 (60 migrations) and 3 also run with them off.
# The spare design host (CognovaSpareHost) is on, as in a developer's build: after every build the bench waits until
# the spare hosts have settled (settle_spare_hosts in bench/lib.sh); measurement 1 also runs with it off (nospare).
# Progress goes to stderr, the table to stdout. See bench/README.md.
#
# Knobs (environment):
#   BENCH_RUNS=7   timed runs per side, per measurement (interleaved)
#   BENCH_HISTORY_RUNS=2×BENCH_RUNS   runs per side of the history series (with and without), whose growth target
#                  asks for a finer figure than the others
#   BENCH_KEEP=1   keep the temp folder and the package in the NuGet global packages folder
set -euo pipefail

RUNS="${BENCH_RUNS:-7}"
KEEP="${BENCH_KEEP:-0}"
if ! [[ "$RUNS" =~ ^[1-9][0-9]*$ ]]; then
    echo "BENCH_RUNS must be a positive integer (got '$RUNS')" >&2
    exit 2
fi
HISTORY_RUNS="${BENCH_HISTORY_RUNS:-$((2 * RUNS))}"
if ! [[ "$HISTORY_RUNS" =~ ^[1-9][0-9]*$ ]]; then
    echo "BENCH_HISTORY_RUNS must be a positive integer (got '$HISTORY_RUNS')" >&2
    exit 2
fi

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$REPO/bench/lib.sh"
# The package's defaults, as a developer's build has them: the spare design host on (see settle_spare_hosts).
unset CognovaSpareHost

# The generated projects (bench/gen-migrations.py), m<N>: N tables, one migration each.
SIZES=(10 60 200)
# The "history only" series, h<N>: HISTORY_TABLES tables and N migrations; the migrations after the
# last table comment on a table in raw SQL and leave the model as it is.
HISTORY_TABLES=10
HISTORY_SIZES=(10 60 200)
# The size of measurements 1 and 3.
HEADLINE=60
# bench/gen-migrations.py names every generated project Bench200, whatever the count.
PROJECT_NAME="Bench200"
OBJ_REL="obj/Debug/net10.0"

# bench/lib.sh turns the compiler server off (UseSharedCompilation=false): every compile starts csc
# afresh, on both sides. See bench/README.md for which way that bends the ratio.

BUILD_FLAGS=(-nodeReuse:false)

WALL_START=$(date +%s%N)
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || true)"
VERSION="0.0.0-bench.$(date -u +%Y%m%d%H%M%S).$$"
TMP="$(mktemp -d)"
LOGS="$TMP/logs"
FEED="$TMP/feed"
WORK="$TMP/work"
GLOBAL_PACKAGES=""
mkdir -p "$LOGS" "$FEED" "$WORK"
# The design host's precompiled images: a fresh folder, so the bench measures what a developer's builds get once
# the background worker has made them (the host inherits this variable through MSBuild).
IMAGES="$TMP/images"
export COGNOVA_READY_TO_RUN_CACHE="$IMAGES"

log() { printf '[edit-build bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

cleanup() {
    local rc=$?
    stop_spare_hosts
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

# mtime_ns FILE: modification time in nanoseconds, or 0 when the file does not exist.
mtime_ns() { if [[ -e "$1" ]]; then date -r "$1" +%s%N; else echo 0; fi; }

# cpu_ms FILE: user + system CPU time, in ms, of the processes waited for, from the output of `times`
# (its second line). `times` itself must run in the script's own shell, not in a $(...) subshell,
# which would report its own, empty, account.
cpu_ms() {
    awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); t += p[1] * 60 + p[2] }
        printf "%d\n", t * 1000 }' "$1"
}

# timed NAME CMD...: run_logged (sets RC and ELAPSED_MS), and CPU_MS: the CPU time of the command and of
# every process it started and waited for (MSBuild, csc, the design host). Wall time counts the time
# spent waiting for a core on a busy machine; CPU time does not.
CPU_MS=0
timed() {
    times >"$TMP/times.before"
    run_logged "$@"
    times >"$TMP/times.after"
    CPU_MS=$(($(cpu_ms "$TMP/times.after") - $(cpu_ms "$TMP/times.before")))
}

# cog_codes LOG: the distinct Cognova diagnostics a build printed, as "2 × COG2001, 1 × COG3004".
# MSBuild prints each diagnostic twice (as it happens and in the summary), hence sort -u on whole lines.
cog_codes() {
    grep -E '(warning|error) COG[0-9]+' "$1" | sort -u | grep -oE '(warning|error) COG[0-9]+' | sort | uniq -c |
        awk '{ printf "%s%s × %s %s", sep, $1, $2, $3; sep = ", " }' || true
}

# host_steps LOG: from a build with -p:CognovaVerbose=true, the design host's own lines about its warm
# start, its step times ("create BenchContext: 153 ms (at 412 ms)") and its cache, one a line.
host_steps() {
    grep -E '^[[:space:]]*Cognova: (warm start: |cache: |precompiled images: |.*: [0-9]+ ms \(at [0-9]+ ms\)$)' "$1" |
        sed 's/^[[:space:]]*Cognova: //' || true
}

# ---------------------------------------------------------------------------------------------
# 1. Pack a snapshot of the working tree (no bin/obj) into a local feed, with a unique version.
# ---------------------------------------------------------------------------------------------
command -v python3 >/dev/null || die "python3 is needed for bench/gen-migrations.py"
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

GLOBAL_PACKAGES="$(cd "$WORK" && dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')"
GLOBAL_PACKAGES="${GLOBAL_PACKAGES%/}"
[[ -n "$GLOBAL_PACKAGES" ]] || die "could not find the NuGet global packages folder"
SDK_VERSION="$(cd "$WORK" && dotnet --version)"

log "restoring the dotnet-ef tool from the repository's manifest"
run_logged tool-restore bash -c "cd \"\$1\" && dotnet tool restore" _ "$REPO"
[[ $RC -eq 0 ]] || die "dotnet tool restore failed" "$LOGS/tool-restore.out" "$LOGS/tool-restore.err"

# ---------------------------------------------------------------------------------------------
# 2. For each project: a generated project with its model snapshot, as <P>/with (references the
#    package) and <P>/without (the same files, without the package reference). A project <P> is
#    m<N> (N tables, N migrations) or h<N> (HISTORY_TABLES tables, N migrations).
# ---------------------------------------------------------------------------------------------
side_dir() { echo "$WORK/$1/$2"; }
side_proj() { echo "$WORK/$1/$2/$PROJECT_NAME.csproj"; }
lock_of() { echo "$WORK/$1/with/Data/Migrations/migrations.lock.json"; }

# history_project N: the project of the history series with N migrations. With as many migrations as
# tables, bench/gen-migrations.py writes the same files as m<N> (one table per migration), so m<N> serves.
history_project() {
    if [[ "$1" -eq "$HISTORY_TABLES" && " ${SIZES[*]} " == *" $1 "* ]]; then echo "m$1"; else echo "h$1"; fi
}

# MIGRATIONS[P] and TABLES[P]: what bench/gen-migrations.py writes for project P.
declare -A MIGRATIONS TABLES
PROJECTS=()
for n in "${SIZES[@]}"; do
    PROJECTS+=("m$n")
    MIGRATIONS[m$n]=$n
    TABLES[m$n]=$n
done
HISTORY_PROJECTS=()
for n in "${HISTORY_SIZES[@]}"; do
    ((n >= HISTORY_TABLES)) || die "HISTORY_SIZES must not be below HISTORY_TABLES ($HISTORY_TABLES), got $n"
    p="$(history_project "$n")"
    HISTORY_PROJECTS+=("$p")
    [[ -z "${MIGRATIONS[$p]:-}" ]] || continue
    PROJECTS+=("$p")
    MIGRATIONS[$p]=$n
    TABLES[$p]=$HISTORY_TABLES
done
# describe P: "60 tables and 60 migrations".
describe() { echo "${TABLES[$1]} tables and ${MIGRATIONS[$1]} migrations"; }

declare -A BUILD_CODES
for p in "${PROJECTS[@]}"; do
    n=${MIGRATIONS[$p]}
    with_dir="$(side_dir "$p" with)"
    without_dir="$(side_dir "$p" without)"
    log "generating $p, a project with $(describe "$p") (bench/gen-migrations.py)"
    python3 "$REPO/bench/gen-migrations.py" "$with_dir" "$n" "$VERSION" "${TABLES[$p]}" || die "bench/gen-migrations.py failed for $p"
    [[ -f "$(side_proj "$p" with)" ]] || die "bench/gen-migrations.py wrote no $PROJECT_NAME.csproj for $p"

    # The model snapshot: `dotnet ef migrations add` on the compiled model, then only its snapshot is
    # kept. This first build runs without the checks, which would (rightly) stop at the missing snapshot.
    cd "$WORK"
    run_logged "$p-build-nocheck" dotnet build "${BUILD_FLAGS[@]}" -p:CognovaEnabled=false "$(side_proj "$p" with)"
    [[ $RC -eq 0 ]] || die "build of $p failed (exit $RC)" "$LOGS/$p-build-nocheck.out" "$LOGS/$p-build-nocheck.err"
    cd "$REPO"
    run_logged "$p-ef-add" dotnet tool run dotnet-ef migrations add Snapshot --no-build --project "$(side_proj "$p" with)" --output-dir Data/Migrations
    [[ $RC -eq 0 ]] || die "dotnet ef migrations add Snapshot failed for $p (exit $RC)" "$LOGS/$p-ef-add.out" "$LOGS/$p-ef-add.err"
    migrations="$with_dir/Data/Migrations"
    [[ -f "$migrations/BenchContextModelSnapshot.cs" ]] || die "dotnet ef wrote no BenchContextModelSnapshot.cs for $p" "$LOGS/$p-ef-add.out"
    snapshot_migration=("$migrations"/*_Snapshot.cs)
    [[ -f "${snapshot_migration[0]}" ]] || die "dotnet ef wrote no *_Snapshot.cs migration for $p" "$LOGS/$p-ef-add.out"
    # The hand-written migrations that create the tables together name the same tables, keys, foreign
    # keys and indexes as the migration EF generated from the model (the others change no table).
    diff <(grep -oh 'name: "[^"]*"' "${snapshot_migration[0]}" | sort -u) \
        <(grep -oh 'name: "[^"]*"' "$migrations"/*_AddTable*.cs | sort -u) >"$LOGS/$p-names.diff" ||
        die "the generated migrations of $p do not name what EF's own migration of the model names" "$LOGS/$p-names.diff"
    rm -f "$migrations"/*_Snapshot.cs "$migrations"/*_Snapshot.Designer.cs

    # without/: the same sources, no package reference. Copied before the first check, so it has no lock file.
    mkdir -p "$without_dir"
    tar -C "$with_dir" --exclude=./bin --exclude=./obj -cf - . | tar -C "$without_dir" -xf -
    sed -i -e '/Include="Cognova.Build"/d' "$(side_proj "$p" without)"
    ! grep -q 'Cognova' "$(side_proj "$p" without)" || die "could not remove the package reference from $p/without/$PROJECT_NAME.csproj"
    grep -q "Include=\"Cognova.Build\" Version=\"$VERSION\"" "$(side_proj "$p" with)" || die "$p/with/$PROJECT_NAME.csproj does not reference Cognova.Build $VERSION"

    # The first build with the checks: no drift, no error; it writes the lock.
    cd "$WORK"
    run_logged "$p-build-with" dotnet build "${BUILD_FLAGS[@]}" "$(side_proj "$p" with)"
    if [[ $RC -ne 0 ]] || grep -q 'error COG' "$LOGS/$p-build-with.out"; then
        grep 'COG[0-9]' "$LOGS/$p-build-with.out" | sort -u | head -n 20 >&2 || true
        die "the first build of $p/with with the checks failed (exit $RC)" "$LOGS/$p-build-with.out" "$LOGS/$p-build-with.err"
    fi
    lock="$(lock_of "$p")"
    [[ -f "$lock" ]] || die "the first build of $p/with wrote no $(basename "$lock")" "$LOGS/$p-build-with.out"
    locked_count=$(grep -c '"id": "2024' "$lock" || true)
    [[ "$locked_count" -eq "$n" ]] || die "the lock file of $p/with has $locked_count migrations, expected $n" "$lock"
    cp "$lock" "$TMP/$p-lock.saved"
    [[ -f "$with_dir/$OBJ_REL/$PROJECT_NAME.cognova.check.stamp" ]] || die "$p/with built, but the check left no stamp in $OBJ_REL" "$LOGS/$p-build-with.out"
    BUILD_CODES[$p]="$(cog_codes "$LOGS/$p-build-with.out")"

    run_logged "$p-build-without" dotnet build "${BUILD_FLAGS[@]}" "$(side_proj "$p" without)"
    [[ $RC -eq 0 ]] || die "the first build of $p/without failed (exit $RC)" "$LOGS/$p-build-without.out" "$LOGS/$p-build-without.err"
    ! compgen -G "$without_dir/$OBJ_REL/*.cognova.*" >/dev/null || die "$p/without ran the Cognova check"
    for side in with without; do
        [[ -f "$(side_dir "$p" $side)/$OBJ_REL/$PROJECT_NAME.dll" ]] || die "$p/$side has no $OBJ_REL/$PROJECT_NAME.dll after its build"
    done
    log "  $p ready; the lock has $n migrations; check diagnostics in the first build: ${BUILD_CODES[$p]:-none}"
done
# The history series' migrations after the tables must trip no SQL rule: its first builds report what
# the first build of its smallest project reports (the same tables), nothing more.
for p in "${HISTORY_PROJECTS[@]}"; do
    [[ "${BUILD_CODES[$p]:-}" == "${BUILD_CODES[${HISTORY_PROJECTS[0]}]:-}" ]] ||
        die "the first build of $p reported '${BUILD_CODES[$p]:-none}', the first build of ${HISTORY_PROJECTS[0]} '${BUILD_CODES[${HISTORY_PROJECTS[0]}]:-none}': the history migrations trip a rule" "$LOGS/$p-build-with.out"
done

log "waiting for the precompiled images the first builds' design hosts asked for"
log "  $(wait_for_images "$IMAGES")"

# ---------------------------------------------------------------------------------------------
# 3. Measurements 1 and 2: build after a one-line edit to Program.cs, with vs without, per size.
# ---------------------------------------------------------------------------------------------
EDITS=0
# edit_build NAME PROJECT SIDE [EXTRA BUILD ARGUMENTS...]: append a comment line to Program.cs, build
# with --no-restore, and check that the build did what it is timed for: exit 0, a new obj/ assembly
# (the compile ran), and on with/ a new check stamp (the check ran and passed) with the lock untouched
# and no error; on without/ no trace of Cognova.
edit_build() {
    local name=$1 p=$2 side=$3
    shift 3
    local dir dll stamp lock dll_before stamp_before lock_before trace expected_trace project_side=$side
    local -a extra=()
    # "cold" is the project with the package, built with the warm start off: the check as it ran before it;
    # "jit" the same with the precompiled images off; "nospare" with the spare host off (a host started beside the
    # compiler at every build).
    if [[ "$side" == cold ]]; then
        project_side=with
        extra=(-p:CognovaWarmStart=false)
    elif [[ "$side" == jit ]]; then
        project_side=with
        extra=(-p:CognovaReadyToRun=false)
    elif [[ "$side" == nospare ]]; then
        project_side=with
        extra=(-p:CognovaSpareHost=false)
    fi
    dir="$(side_dir "$p" "$project_side")"
    dll="$dir/$OBJ_REL/$PROJECT_NAME.dll"
    stamp="$dir/$OBJ_REL/$PROJECT_NAME.cognova.check.stamp"
    lock="$(lock_of "$p")"
    EDITS=$((EDITS + 1))
    echo "// edited by the bench ($EDITS)" >>"$dir/Program.cs"
    dll_before=$(mtime_ns "$dll")
    stamp_before=$(mtime_ns "$stamp")
    lock_before=$(mtime_ns "$lock")
    # One trace file per project and side, emptied before each build: a spare host records its start in the file
    # of the build that started it, which is the next build's as well (and its environment is the same).
    trace="$TMP/trace-$p-$side.log"
    : >"$trace"
    timed "$name" env COGNOVA_HOST_TRACE_FILE="$trace" dotnet build --no-restore "${BUILD_FLAGS[@]}" "${extra[@]}" "$@" "$(side_proj "$p" "$project_side")"
    settle_spare_hosts
    [[ $RC -eq 0 ]] || die "$name: the build of $p/$side failed (exit $RC)" "$LOGS/$name.out" "$LOGS/$name.err"
    [[ "$(mtime_ns "$dll")" -gt "$dll_before" ]] || die "$name: the build of $p/$side did not compile ($OBJ_REL/$PROJECT_NAME.dll unchanged)" "$LOGS/$name.out"
    if [[ "$side" != without ]]; then
        ! grep -q 'error COG' "$LOGS/$name.out" || die "$name: the check reported an error" "$LOGS/$name.out"
        # The design host's own record of its starts (COGNOVA_HOST_TRACE_FILE): one start, as the side says: the
        # spare host the side's last build left, one started beside the compiler, or a cold one. A side's first
        # build (a warm-up) may find no spare host yet.
        case "$side" in
            with | jit) expected_trace="spare-host check" ;;
            nospare) expected_trace="warm-start check" ;;
            *) expected_trace="check" ;;
        esac
        if [[ "$name" == warmup-* && "$expected_trace" == "spare-host check" && "$(cut -d' ' -f3- "$trace" 2>/dev/null)" == "warm-start check" ]]; then
            expected_trace="warm-start check"
        fi
        [[ "$(cut -d' ' -f3- "$trace" 2>/dev/null)" == "$expected_trace" ]] ||
            die "$name: the design host's starts were '$(cut -d' ' -f3- "$trace" 2>/dev/null | paste -sd ',')', expected '$expected_trace'" "$LOGS/$name.out"
        [[ "$(mtime_ns "$stamp")" -gt "$stamp_before" ]] || die "$name: the check did not run or did not pass ($OBJ_REL/$PROJECT_NAME.cognova.check.stamp, touched after every check that passed, is unchanged)" "$LOGS/$name.out"
        [[ "$(mtime_ns "$lock")" -eq "$lock_before" ]] || die "$name: the check rewrote the lock file after a code edit that changed no migration" "$LOGS/$name.out"
        cmp -s "$lock" "$TMP/$p-lock.saved" || die "$name: the lock file changed after a code edit that changed no migration" "$LOGS/$name.out"
    else
        ! grep -q 'COG[0-9]' "$LOGS/$name.out" || die "$name: the build without the package printed a Cognova diagnostic" "$LOGS/$name.out"
        ! compgen -G "$dir/$OBJ_REL/*.cognova.*" >/dev/null || die "$name: the build without the package wrote Cognova files to $OBJ_REL"
    fi
}

# sides P: the sides built after an edit in project P. The history series has no cold side, to keep
# the bench's length reasonable; its 10-migration point, m10, has one as a member of the first series.
# Only the headline project has the jit side (precompiled images off) and the nospare side (spare host off).
sides() {
    if [[ "$1" == "m$HEADLINE" ]]; then echo with cold jit nospare without
    elif [[ " ${SIZES[*]/#/m} " == *" $1 "* ]]; then echo with cold without
    else echo with without; fi
}

cd "$WORK"
for p in "${PROJECTS[@]}"; do
    for side in $(sides "$p"); do
        log "warm-up build after an edit ($p/$side, not timed)"
        edit_build "warmup-$p-$side" "$p" "$side"
    done
done

# WALL[key] and CPU[key]: the timed runs' milliseconds, space-separated, per key "<project>,<side>",
# drift, ef and full. CHECK[key]: the _CognovaCheck target's own time in the same builds (with and cold);
# OUTSIDE[key]: the build's wall time minus its CoreCompile target, COMPILE[key] that target (every side).
# Every timed build, on every side, prints MSBuild's performance summary, so that both sides pay for it.
declare -A WALL CPU CHECK OUTSIDE COMPILE
# target_ms TARGET LOG: the target's time in the performance summary of a build log.
target_ms() {
    local ms
    ms=$(sed -n '/Target Performance Summary/,/Task Performance Summary/p' "$2" | awk -v t="$1" '$2 == "ms" && $3 == t { print $1; exit }')
    [[ -n "$ms" ]] || die "no $1 target time in the performance summary of $2" "$2"
    echo "$ms"
}
ALL_RUNS=$((RUNS > HISTORY_RUNS ? RUNS : HISTORY_RUNS))
log "builds after an edit: $RUNS runs per side and project, $HISTORY_RUNS of the history series' with and without, in turn (projects ${PROJECTS[*]}; the order of with, cold, jit, nospare and without turns every run)"
SIDE_ORDER=(with cold jit nospare without)
for i in $(seq 1 "$ALL_RUNS"); do
    k=$(((i - 1) % ${#SIDE_ORDER[@]}))
    order=("${SIDE_ORDER[@]:k}" "${SIDE_ORDER[@]:0:k}")
    line=""
    for p in "${PROJECTS[@]}"; do
        for side in "${order[@]}"; do
            [[ " $(sides "$p") " == *" $side "* ]] || continue
            # Past BENCH_RUNS, only the history series' with and without; past BENCH_HISTORY_RUNS, only the rest.
            if [[ " ${HISTORY_PROJECTS[*]} " == *" $p "* && ( "$side" == with || "$side" == without ) ]]; then
                ((i <= HISTORY_RUNS)) || continue
            else
                ((i <= RUNS)) || continue
            fi
            edit_build "edit-$p-$side-$i" "$p" "$side" -clp:PerformanceSummary
            WALL[$p,$side]="${WALL[$p,$side]:-} $ELAPSED_MS"
            CPU[$p,$side]="${CPU[$p,$side]:-} $CPU_MS"
            compile_ms=$(target_ms CoreCompile "$LOGS/edit-$p-$side-$i.out")
            COMPILE[$p,$side]="${COMPILE[$p,$side]:-} $compile_ms"
            OUTSIDE[$p,$side]="${OUTSIDE[$p,$side]:-} $((ELAPSED_MS - compile_ms))"
            if [[ "$side" != without ]]; then
                CHECK[$p,$side]="${CHECK[$p,$side]:-} $(target_ms _CognovaCheck "$LOGS/edit-$p-$side-$i.out")"
            fi
            line="$line $p $side ${ELAPSED_MS} ms (CPU ${CPU_MS} ms),"
        done
    done
    log "  run $i/$ALL_RUNS:${line%,}"
done

# Where the time goes: one more build after an edit per project, with MSBuild's performance summary and
# the host's own step times (-p:CognovaVerbose=true), not timed.
declare -A SUMMARY STEPS
for p in "${PROJECTS[@]}"; do
    edit_build "summary-$p" "$p" with -clp:PerformanceSummary -p:CognovaVerbose=true
    compile_ms=$(target_ms CoreCompile "$LOGS/summary-$p.out")
    check_ms=$(target_ms _CognovaCheck "$LOGS/summary-$p.out")
    SUMMARY[$p]="$(printf '%s ms  %s\n' "$compile_ms" CoreCompile "$check_ms" _CognovaCheck | sort -n -r)"
    STEPS[$p]="$(host_steps "$LOGS/summary-$p.out")"
done

# ---------------------------------------------------------------------------------------------
# 4. Measurement 3: after a model change on m$HEADLINE/with, the design host alone vs dotnet ef.
# ---------------------------------------------------------------------------------------------
M_DIR="$(side_dir "m$HEADLINE" with)"
M_PROJ="$(side_proj "m$HEADLINE" with)"
ENTITIES="$M_DIR/Data/Entities.cs"
awk '{ print } /class Table001([^A-Za-z0-9_]|$)/ { inclass = 1 } inclass && /^[[:space:]]*\{[[:space:]]*$/ {
        print "    public string? Description { get; set; }"; print ""; inclass = 0 }' "$ENTITIES" >"$ENTITIES.new"
mv "$ENTITIES.new" "$ENTITIES"
grep -q 'public string? Description { get; set; }' "$ENTITIES" || die "could not add a property to Table001 in Data/Entities.cs"
SOURCES="$M_DIR/$OBJ_REL/$PROJECT_NAME.cognova.sources"
[[ -f "$SOURCES" ]] || die "m$HEADLINE/with has no $OBJ_REL/$PROJECT_NAME.cognova.sources"
cp "$SOURCES" "$TMP/sources.saved"
log "model changed (Table001.Description) in m$HEADLINE/with; building with -p:CognovaEnabled=false"
cd "$WORK"
run_logged model-build dotnet build --no-restore "${BUILD_FLAGS[@]}" -p:CognovaEnabled=false "$M_PROJ"
[[ $RC -eq 0 ]] || die "build after the model change failed (exit $RC)" "$LOGS/model-build.out" "$LOGS/model-build.err"
# That build's IncrementalClean removes the .cognova.* files; the host needs the sources list back.
[[ -f "$SOURCES" ]] || cp "$TMP/sources.saved" "$SOURCES"

# Paths the build task would pass to the host.
run_logged props dotnet msbuild "$M_PROJ" "${BUILD_FLAGS[@]}" \
    -getProperty:TargetPath -getProperty:ProjectDepsFilePath -getProperty:ProjectRuntimeConfigFilePath \
    -getProperty:NuGetPackageFolders
[[ $RC -eq 0 ]] || die "could not read the project's properties" "$LOGS/props.out" "$LOGS/props.err"
# Values come JSON-escaped; MSBuild may hand back "obj\Debug/..." even on Unix, so backslashes become slashes.
prop() { sed -n "s/^ *\"$1\": \"\(.*\)\",\{0,1\} *\$/\1/p" "$LOGS/props.out" | sed 's#\\\\#/#g'; }
APP_DLL="$(prop TargetPath)"
DEPS_FILE="$(prop ProjectDepsFilePath)"
RUNTIME_CONFIG="$(prop ProjectRuntimeConfigFilePath)"
HOST_DLL="$GLOBAL_PACKAGES/cognova.build/$VERSION/tools/net10.0/Cognova.Engine.dll"
for f in "$APP_DLL" "$DEPS_FILE" "$RUNTIME_CONFIG" "$HOST_DLL" "$SOURCES"; do
    [[ -f "$f" ]] || die "expected file missing: $f" "$LOGS/props.out"
done
# The environment and arguments the MSBuild task gives the host (see build/Cognova.Build.targets).
HOST_CMD=(env DOTNET_TieredPGO=0 DOTNET_gcConcurrent=0 dotnet exec --depsfile "$DEPS_FILE" --runtimeconfig "$RUNTIME_CONFIG")
IFS=';' read -r -a folders <<<"$(prop NuGetPackageFolders)"
for folder in "${folders[@]}"; do
    if [[ -n "$folder" ]]; then HOST_CMD+=(--additionalprobingpath "${folder%/}"); fi
done
HOST_CMD+=("$HOST_DLL" check --assembly "$APP_DLL" --project "$M_PROJ" --project-dir "$M_DIR" --sources "$SOURCES")
DRIFT_CMD=("${HOST_CMD[@]}" --drift error --sql-check false --lock-check false)
DRIFT_JIT_CMD=(env COGNOVA_READY_TO_RUN=false "${DRIFT_CMD[@]}")
# For information: the full check (drift + SQL rules + lock), what a build after this change runs.
FULL_CMD=("${HOST_CMD[@]}" --drift error --sql-check true --lock-check true)
EF_CMD=(dotnet tool run dotnet-ef migrations has-pending-model-changes --no-build --project "$M_PROJ")

# host_run NAME CMD...: the host must exit 1 with error COG1001 (the drift); the drift-only check
# must report nothing else, and no run may touch the lock.
host_run() {
    local name=$1 drift_only=$2
    shift 2
    local lock_before
    lock_before=$(mtime_ns "$(lock_of "m$HEADLINE")")
    timed "$name" "$@"
    if [[ $RC -ne 1 ]] || ! grep -q 'error COG1001' "$LOGS/$name.out"; then
        die "$name: the design host exited with $RC, expected 1 with error COG1001 (the model change)" "$LOGS/$name.out" "$LOGS/$name.err"
    fi
    if [[ "$drift_only" == 1 ]] && grep -o 'COG[0-9][0-9][0-9][0-9]' "$LOGS/$name.out" | grep -qv COG1001; then
        die "$name: the drift-only check reported more than the drift" "$LOGS/$name.out"
    fi
    [[ "$(mtime_ns "$(lock_of "m$HEADLINE")")" -eq "$lock_before" ]] || die "$name: the host touched the lock file" "$LOGS/$name.out"
}
ef_run() {
    local name=$1
    timed "$name" "${EF_CMD[@]}"
    [[ $RC -ne 0 ]] || die "$name: dotnet ef has-pending-model-changes exited with 0, expected non-zero (pending changes)" "$LOGS/$name.out" "$LOGS/$name.err"
    grep -qi 'changes have been made to the model' "$LOGS/$name.out" "$LOGS/$name.err" ||
        die "$name: dotnet ef exited with $RC but did not report pending model changes" "$LOGS/$name.out" "$LOGS/$name.err"
}

# dotnet-ef is pinned in the repository's tool manifest, so every command runs from the repository root.
cd "$REPO"
log "warm-up after the model change (not timed): drift-only host, the same with images off, full-check host, dotnet ef"
host_run warmup-drift 1 "${DRIFT_CMD[@]}"
host_run warmup-drift-jit 1 "${DRIFT_JIT_CMD[@]}"
host_run warmup-full 0 "${FULL_CMD[@]}"
ef_run warmup-ef
log "drift check after the model change: $RUNS runs each, in turn (drift-only host, dotnet ef, full-check host, drift-only host with images off)"
record() {
    WALL[$1]="${WALL[$1]:-} $ELAPSED_MS"
    CPU[$1]="${CPU[$1]:-} $CPU_MS"
}
for i in $(seq 1 "$RUNS"); do
    host_run "drift-$i" 1 "${DRIFT_CMD[@]}"
    record drift
    d=$ELAPSED_MS
    ef_run "ef-$i"
    record ef
    e=$ELAPSED_MS
    host_run "full-$i" 0 "${FULL_CMD[@]}"
    record full
    f=$ELAPSED_MS
    host_run "drift-jit-$i" 1 "${DRIFT_JIT_CMD[@]}"
    record drift_jit
    log "  run $i/$RUNS: drift-only host ${d} ms, dotnet ef ${e} ms, full-check host ${f} ms, drift-only host with images off ${ELAPSED_MS} ms"
done
# The message and the first change it lists (the line after it).
DRIFT_MESSAGE="$(grep -m1 -A1 'error COG1001' "$LOGS/drift-1.out" | sed -e 's/.*error COG1001: //' -e 's/^ *//' | paste -sd ' ')"

# ---------------------------------------------------------------------------------------------
# 5. The tables: wall time (what the targets are about), then CPU time.
# ---------------------------------------------------------------------------------------------
FIRST=${SIZES[0]}
LAST=${SIZES[${#SIZES[@]} - 1]}
HISTORY_FIRST=${HISTORY_SIZES[0]}
HISTORY_LAST=${HISTORY_SIZES[${#HISTORY_SIZES[@]} - 1]}
WALL_S=$(awk -v ns="$(($(date +%s%N) - WALL_START))" 'BEGIN { printf "%.0f", ns / 1e9 }')
LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || true)"

# paired_median A B: the median of the per-run differences (run i of A minus run i of B).
paired_median() {
    local -a a b
    local k diffs=""
    read -r -a a <<<"$1"
    read -r -a b <<<"$2"
    for k in "${!a[@]}"; do diffs="$diffs $((a[k] - b[k]))"; done
    echo "$diffs" | median
}

# growth_row LABEL FIRST_ADDED LAST_ADDED FIRST_DESCRIPTION UNIT TARGET: a table row with the growth of the
# added time from FIRST_ADDED to LAST_ADDED; "met" is filled in only when there is a TARGET (< 10 %).
growth_row() {
    local label=$1 first=$2 last=$3 first_description=$4 unit=$5 target=$6 growth met=""
    if ((first > 0)); then
        growth=$(awk -v a="$last" -v b="$first" 'BEGIN { printf "%.0f", (a - b) * 100 / b }')
        [[ -z "$target" ]] || met=$(awk -v g="$growth" 'BEGIN { print (g < 10 ? "yes" : "**no**") }')
        echo "| $label | $growth % | | | $target | $met |"
    else
        echo "| $label | n/a: the added time at $first_description is $first $unit | | | $target | ${target:+n/a} |"
    fi
}

# side_check P SIDE: the median _CognovaCheck time of that side, or — for a project without it.
side_check() {
    if [[ -n "${CHECK[$1,$2]:-}" ]]; then echo "${CHECK[$1,$2]}" | median; else echo —; fi
}

# check_table: the median _CognovaCheck time per project, and its growth along the history series. The
# compile is the same with and without the package, and the warm-up does the same work whatever the history,
# so what the history adds to a build is here, without the compile's noise.
check_table() {
    local p first last
    echo "| project | with the spare host | warm start off | images off | spare host off |"
    echo "|---|---:|---:|---:|---:|"
    for p in "${PROJECTS[@]}"; do
        echo "| $(describe "$p") | $(echo "${CHECK[$p,with]}" | median) | $(side_check "$p" cold) | $(side_check "$p" jit) | $(side_check "$p" nospare) |"
    done
    first=$(echo "${CHECK[$(history_project "$HISTORY_FIRST"),with]}" | median)
    last=$(echo "${CHECK[$(history_project "$HISTORY_LAST"),with]}" | median)
    echo
    echo "Growth of the check's own time from a history of $HISTORY_FIRST to $HISTORY_LAST migrations, the same $HISTORY_TABLES-table model: $first → $last ms, $(awk -v a="$last" -v b="$first" 'BEGIN { printf "%.0f", (a - b) * 100 / b }') %."
}

# outside_table: the history series with the compile taken out of each build (its wall time minus its CoreCompile
# target). At 200 migrations the compile takes 7 to 9 s and varies by more than the whole check costs, on both
# sides, so the growth of the added wall time cannot be told from that noise; the time outside the compiler can.
# The warm start's share of the compile (its host warms up on the second core while csc runs) is in the last
# column: the compiler's own time with minus without.
outside_table() {
    local n p o_with o_without first="" last="" added
    echo "| history ($HISTORY_TABLES-table model) | with: build minus compile | without: build minus compile | added outside the compiler | compiler: with − without |"
    echo "|---|---:|---:|---:|---:|"
    for n in "${HISTORY_SIZES[@]}"; do
        p="$(history_project "$n")"
        o_with=$(echo "${OUTSIDE[$p,with]}" | median)
        o_without=$(echo "${OUTSIDE[$p,without]}" | median)
        added=$((o_with - o_without))
        [[ -n "$first" ]] || first=$added
        last=$added
        echo "| $n migrations | $o_with | $o_without | $added | $(($(echo "${COMPILE[$p,with]}" | median) - $(echo "${COMPILE[$p,without]}" | median))) |"
    done
    echo
    echo "| measurement | Cognova | baseline | ratio | target | met |"
    echo "|---|---:|---:|---:|---:|:---:|"
    growth_row "growth of the added time outside the compiler from a history of $HISTORY_FIRST to $HISTORY_LAST migrations, the same $HISTORY_TABLES-table model (median ms)" \
        "$first" "$last" "a history of $HISTORY_FIRST migrations" "ms" "< 10 %"
}

# table WALL|CPU: the Markdown table of those runs. The targets apply to wall time.
table() {
    local -n runs=$1
    local kind=$1 ms unit n p m_with m_without m_cold m_jit m_nospare target met
    local -A added added_cold
    if [[ "$kind" == WALL ]]; then ms="ms"; else ms="CPU ms"; fi
    unit="median $ms"
    echo "| measurement | Cognova | baseline | ratio | target | met |"
    echo "|---|---:|---:|---:|---:|:---:|"
    for n in "$HEADLINE" "${SIZES[@]}"; do
        [[ -z "${added[$n]:-}" ]] || continue
        m_with=$(echo "${runs[m$n,with]}" | median)
        m_without=$(echo "${runs[m$n,without]}" | median)
        added[$n]=$((m_with - m_without))
        target=""
        met=""
        if [[ "$kind" == WALL && "$n" == "$HEADLINE" ]]; then
            target="≤ 1.10"
            met=$(meets "$m_with" "$m_without" 1.10)
        fi
        echo "| build after a one-line edit to \`Program.cs\`, $n migrations: with the package vs without ($unit) | $m_with | $m_without | $(ratio "$m_with" "$m_without") | $target | $met |"
        m_cold=$(echo "${runs[m$n,cold]}" | median)
        added_cold[$n]=$((m_cold - m_without))
        echo "| for comparison: the same with the warm start off (\`-p:CognovaWarmStart=false\`, the check as before it), $n migrations ($unit) | $m_cold | $m_without | $(ratio "$m_cold" "$m_without") | | |"
        if [[ -n "${runs[m$n,jit]:-}" ]]; then
            m_jit=$(echo "${runs[m$n,jit]}" | median)
            echo "| for comparison: the same with precompiled images off (\`-p:CognovaReadyToRun=false\`), $n migrations ($unit) | $m_jit | $m_without | $(ratio "$m_jit" "$m_without") | | |"
        fi
        if [[ -n "${runs[m$n,nospare]:-}" ]]; then
            m_nospare=$(echo "${runs[m$n,nospare]}" | median)
            echo "| for comparison: the same with the spare host off (\`-p:CognovaSpareHost=false\`: the host starts beside the compiler), $n migrations ($unit) | $m_nospare | $m_without | $(ratio "$m_nospare" "$m_without") | | |"
        fi
    done
    echo "| added time (median with − median without), $(IFS=/; echo "${SIZES[*]}") migrations ($ms) | $(for n in "${SIZES[@]}"; do printf '%s / ' "${added[$n]}"; done | sed 's# / $##') | | | | |"
    echo "| for comparison: added time with the warm start off, $(IFS=/; echo "${SIZES[*]}") migrations ($ms) | $(for n in "${SIZES[@]}"; do printf '%s / ' "${added_cold[$n]}"; done | sed 's# / $##') | | | | |"
    echo "| for information: median of the per-run differences (with − without), $(IFS=/; echo "${SIZES[*]}") migrations ($ms) | $(for n in "${SIZES[@]}"; do printf '%s / ' "$(paired_median "${runs[m$n,with]}" "${runs[m$n,without]}")"; done | sed 's# / $##') | | | | |"
    growth_row "for information: growth of the added time from $FIRST to $LAST migrations, the model growing with the history ($FIRST to $LAST tables: N tables for N migrations)" \
        "${added[$FIRST]}" "${added[$LAST]}" "$FIRST migrations" "$ms" ""

    # History only: the same model, a longer history. This growth carries the target.
    local -A history_added
    for n in "${HISTORY_SIZES[@]}"; do
        p="$(history_project "$n")"
        m_with=$(echo "${runs[$p,with]}" | median)
        m_without=$(echo "${runs[$p,without]}" | median)
        history_added[$n]=$((m_with - m_without))
        echo "| build after a one-line edit, a $HISTORY_TABLES-table model with a history of $n migrations: with vs without ($unit) | $m_with | $m_without | $(ratio "$m_with" "$m_without") | | |"
    done
    echo "| added time, $HISTORY_TABLES-table model, history of $(IFS=/; echo "${HISTORY_SIZES[*]}") migrations ($ms) | $(for n in "${HISTORY_SIZES[@]}"; do printf '%s / ' "${history_added[$n]}"; done | sed 's# / $##') | | | | |"
    # The target is on the same growth outside the compiler (outside_table): here the compile's noise decides it.
    growth_row "for information: growth of the added time from a history of $HISTORY_FIRST to $HISTORY_LAST migrations, the same $HISTORY_TABLES-table model (compile included: see the table without it)" \
        "${history_added[$HISTORY_FIRST]}" "${history_added[$HISTORY_LAST]}" "a history of $HISTORY_FIRST migrations" "$ms" ""
    local m_drift m_ef m_full
    m_drift=$(echo "${runs[drift]}" | median)
    m_ef=$(echo "${runs[ef]}" | median)
    m_full=$(echo "${runs[full]}" | median)
    target=""
    met=""
    if [[ "$kind" == WALL ]]; then
        target="≤ 0.30"
        met=$(meets "$m_drift" "$m_ef" 0.30)
    fi
    echo "| drift check after a model change, $HEADLINE migrations: design host (drift only) vs \`dotnet ef migrations has-pending-model-changes --no-build\` ($unit) | $m_drift | $m_ef | $(ratio "$m_drift" "$m_ef") | $target | $met |"
    echo "| for information: the full check (drift + SQL rules + lock) after the same model change vs \`dotnet ef\` ($unit) | $m_full | $m_ef | $(ratio "$m_full" "$m_ef") | | |"
    m_jit=$(echo "${runs[drift_jit]}" | median)
    echo "| for comparison: the drift-only host with precompiled images off (\`COGNOVA_READY_TO_RUN=false\`) vs \`dotnet ef\` ($unit) | $m_jit | $m_ef | $(ratio "$m_jit" "$m_ef") | | |"
}

# runs_list WALL|CPU: every timed run, one list item per measurement and side.
runs_list() {
    local -n runs=$1
    local p side ms="ms"
    [[ "$1" == WALL ]] || ms="CPU ms"
    for p in "${PROJECTS[@]}"; do
        for side in $(sides "$p"); do echo "- $(describe "$p"), $side ($ms):${runs[$p,$side]}"; done
    done
    echo "- drift-only host (\`--drift error --sql-check false --lock-check false\`, exit 1) ($ms):${runs[drift]}"
    echo "- dotnet ef ($ms):${runs[ef]}"
    echo "- full-check host (\`--drift error --sql-check true --lock-check true\`, exit 1) ($ms):${runs[full]}"
    echo "- drift-only host with precompiled images off ($ms):${runs[drift_jit]}"
}

# no_cold_side: the projects built without a cold side, as "h60 and h200".
no_cold_side() {
    local p
    for p in "${PROJECTS[@]}"; do [[ " $(sides "$p") " == *" cold "* ]] || echo "$p"; done | paste -sd ' ' | sed 's/ \([^ ]*\)$/ and \1/'
}

BUSY=""
if awk -v s="${LOAD_START%% *}" -v e="${LOAD_END%% *}" -v c="$(nproc)" 'BEGIN { exit !(s > c || e > c) }'; then
    BUSY="- **the machine was busy** (a load average above its $(nproc) cores): the wall times include waiting for a core, the CPU times do not"
fi

cat <<EOF

## Cognova.Build bench: build after a code edit

Wall time:

$(table WALL)

The history series without the compile (median ms of the same timed builds; the target is on the growth):

$(outside_table)

The check's own time, the \`_CognovaCheck\` target in the same timed builds (median ms; the warm start's share of the compile is not in it):

$(check_table)

CPU time (user + system of the timed command and of every process it started and waited for: MSBuild, csc, the design host, \`dotnet ef\`):

$(table CPU)

- runs per side: $RUNS, and $HISTORY_RUNS of the history series' with and without (m10 is its first project) (in turn; the order of with, cold — the package with \`-p:CognovaWarmStart=false\` —, jit — the package with \`-p:CognovaReadyToRun=false\`, $HEADLINE migrations only —, nospare — the package with \`-p:CognovaSpareHost=false\`, $HEADLINE migrations only — and without turns every run; $(no_cold_side) of the history series: with and without only), nproc: $(nproc), load average at the start: $LOAD_START, at the end: $LOAD_END, .NET SDK: $SDK_VERSION, package: Cognova.Build $VERSION, compiler server off (\`UseSharedCompilation=false\`)
${BUSY:+$BUSY
}- the host reported: $DRIFT_MESSAGE
$(for p in "${PROJECTS[@]}"; do echo "- Cognova diagnostics in the first build of the project with $(describe "$p"): ${BUILD_CODES[$p]:-none}"; done)
- total wall time: ${WALL_S} s

Every timed run, wall time:

$(runs_list WALL)

Every timed run, CPU time:

$(runs_list CPU)

MSBuild's target times and the design host's own step times in one more build after an edit, with the package (\`-clp:PerformanceSummary -p:CognovaVerbose=true\`, not timed above):

\`\`\`
$(for p in "${PROJECTS[@]}"; do
    echo "$(describe "$p"):"
    echo "${SUMMARY[$p]}" | sed 's/^/  /'
    echo "  the host's own lines:"
    echo "${STEPS[$p]:-(none found in the verbose output)}" | sed 's/^/    /'
done)
\`\`\`
EOF
