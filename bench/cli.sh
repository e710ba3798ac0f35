#!/usr/bin/env bash
# dotnet cognova benchmark: prints a Markdown table of
#   1. `dotnet cognova status --no-build` vs `dotnet ef migrations list --no-build` on a copy of the sample
#      app, both against the same migrated PostgreSQL database, both tools installed in a tool manifest
#      (target: ratio <= 0.5); and status with the tool on PATH (as a global tool), for information, and
#   2. `dotnet cognova push --no-build --force` of a generated 20-table model to an empty database, and of
#      the same model with one column added to one table, to the database the first push created.
# Progress goes to stderr, the table and every timed run to stdout. See bench/README.md.
#
# Knobs (environment):
#   BENCH_RUNS=7   timed runs per side, per measurement (interleaved)
#   BENCH_KEEP=1   keep the temp folder (logs in logs/) and the bench's tool package in the NuGet cache
set -euo pipefail

RUNS="${BENCH_RUNS:-7}"
KEEP="${BENCH_KEEP:-0}"
if ! [[ "$RUNS" =~ ^[1-9][0-9]*$ ]]; then
    echo "BENCH_RUNS must be a positive integer (got '$RUNS')" >&2
    exit 2
fi

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SAMPLE="$REPO/samples/Cognova.Sample"
TABLES=20

export DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1 DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
export UseSharedCompilation=false NO_COLOR=1
unset DATABASE_URL COGNOVA_INTERACTIVE

VERSION="0.0.0-bench.$(date -u +%Y%m%d%H%M%S).$$"
TMP="$(mktemp -d)"
LOGS="$TMP/logs"
FEED="$TMP/feed"
TOOLS="$TMP/tools"
WORK="$TMP/work"
PG="$TMP/pg"
PG_BIN=""
GLOBAL_PACKAGES=""
mkdir -p "$LOGS" "$FEED" "$WORK"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
    local rc=$?
    if [[ -n "$PG_BIN" && -f "$PG/data/postmaster.pid" ]]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$PG/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    if [[ "$KEEP" == "1" ]]; then
        log "BENCH_KEEP=1: kept $TMP"
        return $rc
    fi
    rm -rf "$TMP"
    if [[ -n "$GLOBAL_PACKAGES" ]]; then
        rm -rf "${GLOBAL_PACKAGES:?}/cognova.cli/$VERSION" "${GLOBAL_PACKAGES:?}/cognova.migrations/$VERSION"
    fi
    return $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

die() {
    echo "BENCH FAILED: $1" >&2
    shift
    local f
    for f in "$@"; do
        [[ -f "$f" ]] && { echo "---- last lines of $(basename "$f") ----" >&2; tail -n 40 "$f" >&2; }
    done
    exit 1
}

# run_logged NAME COMMAND...: runs the command with its output in logs/NAME.out and .err; sets RC and ELAPSED_MS,
# and CPU_MS (user + system time of the command and every process it waited for) when /usr/bin/time exists.
run_logged() {
    local name=$1
    shift
    local start end
    local timer=()
    [[ ! -x /usr/bin/time ]] || timer=(/usr/bin/time -o "$LOGS/$name.time" -f "%U %S")
    start=$(date +%s%N)
    set +e
    "${timer[@]}" "$@" >"$LOGS/$name.out" 2>"$LOGS/$name.err"
    RC=$?
    set -e
    end=$(date +%s%N)
    ELAPSED_MS=$(((end - start) / 1000000))
    CPU_MS=""
    [[ ! -f "$LOGS/$name.time" ]] || CPU_MS=$(awk 'END { printf "%d", ($1 + $2) * 1000 }' "$LOGS/$name.time")
}

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

# ---------------------------------------------------------------------------------------------
# 1. Pack the tool from a copy of the working tree (the repository's bin/ and obj/ stay untouched), install it.
# ---------------------------------------------------------------------------------------------
log "packing Cognova.Cli $VERSION"
mkdir -p "$TMP/repo"
tar -C "$REPO" --exclude=./.git --exclude=./artifacts --exclude=./bench --exclude=bin --exclude=obj --exclude=TestResults -cf - . | tar -C "$TMP/repo" -xf -
# The tool, and Cognova.Migrations for the sample's start-up migrations (its copy uses the package).
for project in Cognova.Cli Cognova.Migrations; do
    run_logged "pack-$project" dotnet pack "$TMP/repo/src/$project/$project.csproj" -c Release -o "$FEED" -p:Version="$VERSION" -nodeReuse:false
    [[ $RC -eq 0 ]] || die "dotnet pack $project failed" "$LOGS/pack-$project.out"
done
run_logged install dotnet tool install --tool-path "$TOOLS" Cognova.Cli --version "$VERSION" --add-source "$FEED"
[[ $RC -eq 0 ]] || die "dotnet tool install failed" "$LOGS/install.out" "$LOGS/install.err"
export PATH="$TOOLS:$PATH"
GLOBAL_PACKAGES="$(cd "$WORK" && dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')"
GLOBAL_PACKAGES="${GLOBAL_PACKAGES%/}"

run_logged tool-restore bash -c "cd \"\$1\" && dotnet tool restore" _ "$REPO"
[[ $RC -eq 0 ]] || die "dotnet tool restore (dotnet-ef) failed" "$LOGS/tool-restore.out"

# ---------------------------------------------------------------------------------------------
# 2. A throw-away PostgreSQL server on 127.0.0.1 (as the postgres user when running as root).
# ---------------------------------------------------------------------------------------------
initdb_path="$(command -v initdb || ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1 || true)"
[[ -n "$initdb_path" ]] || die "no initdb: install PostgreSQL (the postgresql package)"
PG_BIN="$(dirname "$(readlink -f "$initdb_path")")"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$PG"
chmod 755 "$TMP"
[[ "$(id -u)" != 0 ]] || chown postgres "$PG"
log "starting PostgreSQL on 127.0.0.1:$PORT"
as_postgres "$PG_BIN/initdb" -D "$PG/data" -U postgres --auth=trust -E UTF8 >"$LOGS/initdb.out" 2>&1 || die "initdb failed" "$LOGS/initdb.out"
as_postgres "$PG_BIN/pg_ctl" -D "$PG/data" -l "$PG/log" -w -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PG -c fsync=off" start >/dev/null || die "pg_ctl start failed" "$PG/log"
psql_() { psql -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
connection() { echo "Host=127.0.0.1;Port=$PORT;Username=postgres;Database=$1"; }

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

# ---------------------------------------------------------------------------------------------
# 3. Measurement 1: status vs dotnet ef migrations list, on the sample, against one migrated database.
# ---------------------------------------------------------------------------------------------
mkdir -p "$WORK/sample"
tar -C "$SAMPLE" --exclude=./bin --exclude=./obj -cf - . | tar -C "$WORK/sample" -xf -
SAMPLE_PROJ="$WORK/sample/Cognova.Sample.csproj"
sed -i -e '/CognovaUseRepoBuild/d' -e '/Use the Cognova.Build targets straight from this repository/d' "$SAMPLE_PROJ"
sed -i -e "s#<ProjectReference Include=\"[./]*src/Cognova.Migrations/Cognova.Migrations.csproj\" />#<PackageReference Include=\"Cognova.Migrations\" Version=\"$VERSION\" />#" "$SAMPLE_PROJ"
! grep -q 'src/Cognova.Migrations' "$SAMPLE_PROJ" || die "could not replace the project reference to src/Cognova.Migrations in the sample copy"
log "building the sample (the tool's first command builds it) and migrating sample_bench"
psql_ -c "CREATE DATABASE sample_bench" postgres
SAMPLE_DB="$(connection sample_bench)"
run_logged sample-migrate bash -c "cd \"\$1\" && dotnet cognova migrate --connection \"\$2\"" _ "$WORK/sample" "$SAMPLE_DB"
[[ $RC -eq 0 ]] || die "dotnet cognova migrate on the sample failed" "$LOGS/sample-migrate.out" "$LOGS/sample-migrate.err"

# The tool as docs/cli.md installs it, and as dotnet-ef is installed: a local tool, in a manifest in the sample's
# folder. The SDK finds a local tool before it evaluates the project; a tool on PATH (a global tool) only after.
run_logged local-install bash -c "cd \"\$1\" && dotnet new tool-manifest && dotnet tool install Cognova.Cli --version \"\$2\" --add-source \"\$3\"" _ "$WORK/sample" "$VERSION" "$FEED"
[[ $RC -eq 0 ]] || die "installing the tool in a manifest failed" "$LOGS/local-install.out" "$LOGS/local-install.err"
MANIFEST="$(ls "$WORK/sample/dotnet-tools.json" "$WORK/sample/.config/dotnet-tools.json" 2>/dev/null | head -1 || true)"
[[ -n "$MANIFEST" ]] || die "dotnet new tool-manifest wrote no manifest in the sample's folder" "$LOGS/local-install.out"
run_logged tool-list-local bash -c "cd \"\$1\" && dotnet tool list --local" _ "$WORK/sample"
grep -qi "cognova.cli" "$LOGS/tool-list-local.out" || die "the sample's folder does not see the tool in its manifest" "$LOGS/tool-list-local.out"
# status_run NAME local|global: with the manifest in place, or moved aside so that dotnet finds the tool on PATH.
status_run() {
    if [[ "$2" == local ]]; then
        [[ ! -f "$MANIFEST.off" ]] || mv "$MANIFEST.off" "$MANIFEST"
    else
        [[ ! -f "$MANIFEST" ]] || mv "$MANIFEST" "$MANIFEST.off"
    fi
    run_logged "$1" bash -c "cd \"\$1\" && dotnet cognova status --no-build --connection \"\$2\"" _ "$WORK/sample" "$SAMPLE_DB"
}
ef_run() { run_logged "$1" bash -c "cd \"\$1\" && dotnet tool run dotnet-ef migrations list --no-build --project \"\$2\" --connection \"\$3\"" _ "$REPO" "$SAMPLE_PROJ" "$SAMPLE_DB"; }

for side in local global; do
    status_run "status-$side-warmup" "$side"
    [[ $RC -eq 0 ]] || die "dotnet cognova status ($side) failed" "$LOGS/status-$side-warmup.out" "$LOGS/status-$side-warmup.err"
    grep -q "Migrations: 1 in the code, 1 applied, 0 pending" "$LOGS/status-$side-warmup.out" || die "status did not report the migrated sample" "$LOGS/status-$side-warmup.out"
    grep -q "Schema: matches what the applied migrations create." "$LOGS/status-$side-warmup.out" || die "status found differences on a database the tool migrated" "$LOGS/status-$side-warmup.out"
done
ef_run ef-warmup
[[ $RC -eq 0 ]] || die "dotnet ef migrations list failed" "$LOGS/ef-warmup.out" "$LOGS/ef-warmup.err"
grep -q "_Init" "$LOGS/ef-warmup.out" || die "dotnet ef listed no migration" "$LOGS/ef-warmup.out"

log "status (local tool, global tool) vs migrations list: $RUNS runs each, interleaved"
STATUS=""
STATUS_GLOBAL=""
EF=""
STATUS_CPU=""
STATUS_GLOBAL_CPU=""
EF_CPU=""
for i in $(seq 1 "$RUNS"); do
    status_run "status-$i" local
    [[ $RC -eq 0 ]] || die "status run $i failed" "$LOGS/status-$i.err"
    s=$ELAPSED_MS
    STATUS_CPU="$STATUS_CPU $CPU_MS"
    status_run "status-global-$i" global
    [[ $RC -eq 0 ]] || die "status run $i (global tool) failed" "$LOGS/status-global-$i.err"
    g=$ELAPSED_MS
    STATUS_GLOBAL_CPU="$STATUS_GLOBAL_CPU $CPU_MS"
    ef_run "ef-$i"
    [[ $RC -eq 0 ]] || die "dotnet ef run $i failed" "$LOGS/ef-$i.err"
    e=$ELAPSED_MS
    EF_CPU="$EF_CPU $CPU_MS"
    STATUS="$STATUS $s"
    STATUS_GLOBAL="$STATUS_GLOBAL $g"
    EF="$EF $e"
    log "  run $i/$RUNS: status ${s} ms (global tool ${g} ms), migrations list ${e} ms"
done
[[ ! -f "$MANIFEST.off" ]] || mv "$MANIFEST.off" "$MANIFEST"

# ---------------------------------------------------------------------------------------------
# 4. Measurement 2: push of a generated 20-table model, to an empty database and after a one-column change.
# ---------------------------------------------------------------------------------------------
generate_model() { # generate_model FOLDER EXTRA_COLUMN(0/1)
    local dir=$1 extra=$2
    mkdir -p "$dir"
    cat >"$dir/Bench20.csproj" <<'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="10.0.3" />
    <PackageReference Include="Microsoft.EntityFrameworkCore.Design" Version="10.0.15" PrivateAssets="all" />
  </ItemGroup>
</Project>
EOF
    echo 'Console.WriteLine("Bench20");' >"$dir/Program.cs"
    {
        echo "using Microsoft.EntityFrameworkCore;"
        echo "namespace Bench20;"
        local n
        for n in $(seq -f '%02g' 1 "$TABLES"); do
            echo "public sealed class Item$n"
            echo "{"
            echo "    public int Id { get; set; }"
            echo "    public required string Name { get; set; }"
            echo "    public string? Notes { get; set; }"
            echo "    public decimal Amount { get; set; }"
            echo "    public bool Active { get; set; }"
            echo "    public DateTime CreatedAt { get; set; }"
            [[ "$n" != 01 ]] && echo "    public int? PreviousId { get; set; }"
            [[ "$n" == 10 && "$extra" == 1 ]] && echo "    public string? Color { get; set; }"
            echo "}"
        done
        echo "public sealed class BenchContext : DbContext"
        echo "{"
        echo "    protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseNpgsql(\"Host=db.invalid;Database=bench\");"
        echo "    protected override void OnModelCreating(ModelBuilder model)"
        echo "    {"
        for n in $(seq -f '%02g' 1 "$TABLES"); do
            echo "        model.Entity<Item$n>(e => {"
            echo "            e.ToTable(\"table_$n\");"
            echo "            e.Property(x => x.Name).HasMaxLength(200);"
            echo "            e.Property(x => x.Amount).HasPrecision(12, 2);"
            echo "            e.Property(x => x.CreatedAt).HasDefaultValueSql(\"now()\");"
            echo "            e.HasIndex(x => x.Name).IsUnique();"
            if [[ "$n" != 01 ]]; then
                local previous
                previous=$(printf '%02d' $((10#$n - 1)))
                echo "            e.HasOne<Item$previous>().WithMany().HasForeignKey(x => x.PreviousId);"
            fi
            echo "        });"
        done
        echo "    }"
        echo "}"
    } >"$dir/Model.cs"
}

generate_model "$WORK/bench20" 0
generate_model "$WORK/bench20b" 1
for side in bench20 bench20b; do
    log "building $side"
    run_logged "build-$side" dotnet build "$WORK/$side/Bench20.csproj" -nodeReuse:false
    [[ $RC -eq 0 ]] || die "build of $side failed" "$LOGS/build-$side.out"
done

push_run() { # push_run NAME FOLDER DATABASE
    run_logged "$1" bash -c "cd \"\$1\" && dotnet cognova push --no-build --force --connection \"\$2\"" _ "$WORK/$2" "$(connection "$3")"
}

# Warm-up (not timed): one full cycle, checked.
psql_ -c "CREATE DATABASE push_warmup" postgres
push_run push-warmup-empty bench20 push_warmup
[[ $RC -eq 0 ]] || die "push of the 20-table model failed" "$LOGS/push-warmup-empty.out" "$LOGS/push-warmup-empty.err"
[[ "$(psql_ -c "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'" push_warmup)" == "$TABLES" ]] \
    || die "the first push did not create $TABLES tables" "$LOGS/push-warmup-empty.out"
push_run push-warmup-change bench20b push_warmup
[[ $RC -eq 0 ]] || die "push of the one-column change failed" "$LOGS/push-warmup-change.out" "$LOGS/push-warmup-change.err"
grep -q "(1 statement):" "$LOGS/push-warmup-change.out" || die "the one-column push did not plan exactly one statement" "$LOGS/push-warmup-change.out"
grep -q "ALTER TABLE table_10 ADD \"Color\" text;" "$LOGS/push-warmup-change.out" || die "the one-column push did not add table_10.Color" "$LOGS/push-warmup-change.out"

log "push: $RUNS runs, each on a new database: empty -> $TABLES tables, then the one-column change"
PUSH_EMPTY=""
PUSH_CHANGE=""
for i in $(seq 1 "$RUNS"); do
    psql_ -c "CREATE DATABASE push_$i" postgres
    push_run "push-empty-$i" bench20 "push_$i"
    [[ $RC -eq 0 ]] || die "push run $i (empty) failed" "$LOGS/push-empty-$i.err"
    a=$ELAPSED_MS
    push_run "push-change-$i" bench20b "push_$i"
    [[ $RC -eq 0 ]] || die "push run $i (change) failed" "$LOGS/push-change-$i.err"
    b=$ELAPSED_MS
    PUSH_EMPTY="$PUSH_EMPTY $a"
    PUSH_CHANGE="$PUSH_CHANGE $b"
    log "  run $i/$RUNS: empty ${a} ms, one-column change ${b} ms"
done

# ---------------------------------------------------------------------------------------------
# 5. The table.
# ---------------------------------------------------------------------------------------------
status_median=$(echo "$STATUS" | median)
global_median=$(echo "$STATUS_GLOBAL" | median)
ef_median=$(echo "$EF" | median)
ratio=$(awk -v a="$status_median" -v b="$ef_median" 'BEGIN { printf "%.2f", a / b }')
global_ratio=$(awk -v a="$global_median" -v b="$ef_median" 'BEGIN { printf "%.2f", a / b }')
met=$(awk -v r="$ratio" 'BEGIN { print (r <= 0.5) ? "yes" : "no" }')
empty_median=$(echo "$PUSH_EMPTY" | median)
change_median=$(echo "$PUSH_CHANGE" | median)

echo "| measurement | Cognova | baseline | ratio | target | met |"
echo "|---|---:|---:|---:|---:|:---:|"
echo "| \`dotnet cognova status --no-build\` vs \`dotnet ef migrations list --no-build\` on the sample, migrated database, both local tools (ms) | $status_median | $ef_median | $ratio | ≤ 0.5 | $met |"
echo "| the same status with the tool on PATH (a global tool), for information (ms) | $global_median | $ef_median | $global_ratio | | |"
echo "| \`dotnet cognova push --no-build --force\`: empty database → $TABLES tables (ms) | $empty_median | | | | |"
echo "| \`dotnet cognova push --no-build --force\`: one column added to one of $TABLES tables (ms) | $change_median | | | | |"
echo
echo "Medians of $RUNS runs per side; $(nproc) cores; SDK $(cd "$WORK" && dotnet --version); load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) at the end."
if [[ -n "${EF_CPU// /}" ]]; then
    # On a busy machine the wall times stretch with the load; CPU time (user + system, every process) much less.
    status_cpu=$(echo "$STATUS_CPU" | median)
    global_cpu=$(echo "$STATUS_GLOBAL_CPU" | median)
    ef_cpu=$(echo "$EF_CPU" | median)
    echo
    echo "CPU time of the same runs (user + system of every process, medians, ms): status $status_cpu (global tool $global_cpu), migrations list $ef_cpu; ratio $(awk -v a="$status_cpu" -v b="$ef_cpu" 'BEGIN { printf "%.2f", a / b }') ($(awk -v a="$global_cpu" -v b="$ef_cpu" 'BEGIN { printf "%.2f", a / b }'))."
fi
echo
echo "Every timed run (ms):"
echo "- status (local tool):$STATUS"
echo "- status (global tool):$STATUS_GLOBAL"
[[ -z "${EF_CPU// /}" ]] || echo "- CPU ms: status:$STATUS_CPU; global tool:$STATUS_GLOBAL_CPU; migrations list:$EF_CPU"
echo "- migrations list:$EF"
echo "- push, empty database:$PUSH_EMPTY"
echo "- push, one-column change:$PUSH_CHANGE"
