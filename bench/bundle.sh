#!/usr/bin/env bash
# Cognova.Build migration-bundle benchmark: prints a Markdown table comparing
#   1. what the bundle adds to `dotnet publish` of the sample app (publish with -p:CognovaBundle=true
#      minus publish with -p:CognovaBundle=false, each after a source change) against
#      `dotnet ef migrations bundle` of the same app,
#   2. applying 60 migrations to a fresh database, and a run with nothing pending, with Cognova's
#      `efbundle` vs the bundle `dotnet ef migrations bundle` makes of the same generated project,
#   3. the size of both bundle files,
#   4. applying a real-style history of 40 migrations (bench/real-history/) to a fresh database, our
#      `efbundle` vs EF's bundle of the same project.
# Progress goes to stderr, the table to stdout. See bench/README.md.
#
# Knobs (environment):
#   BENCH_RUNS=5                timed runs per side, per measurement (interleaved)
#   BENCH_KEEP=1                keep the temp folders and the packages in the NuGet global packages folder
#   COGNOVA_TEST_DATABASE_URL   use this PostgreSQL server (postgres:// URL or Npgsql key=value string)
#                               instead of starting a throw-away one
set -euo pipefail

RUNS="${BENCH_RUNS:-5}"
KEEP="${BENCH_KEEP:-0}"
if ! [[ "$RUNS" =~ ^[1-9][0-9]*$ ]]; then
    echo "BENCH_RUNS must be a positive integer (got '$RUNS')" >&2
    exit 2
fi

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$REPO/bench/lib.sh"
# Measurement 2's generated project (bench/gen-migrations.py): this many tables, one migration each.
MIGRATIONS=60
SAMPLE="$REPO/samples/Cognova.Sample"
PROJECT_NAME="Cognova.Sample"

# bench/lib.sh turns the compiler server off: every compile (ours, and the one inside `dotnet ef
# migrations bundle`) starts csc afresh. See bench/README.md for what that means for measurement 1.

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

# PostgreSQL: a throw-away server (PG_TMP, owned by the postgres OS user) or COGNOVA_TEST_DATABASE_URL.
PG_TMP=""
PG_BIN=""
PG_STARTED=0
PG_EXTERNAL=0
CREATED_DATABASES=()

log() { printf '[bundle bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

cleanup() {
    local rc=$?
    set +e
    if [[ "$PG_STARTED" == 1 ]]; then
        runuser -u postgres -- "$PG_BIN/pg_ctl" stop -D "$PG_TMP/data" -m immediate -w >/dev/null 2>&1 ||
            log "could not stop the throw-away PostgreSQL server (pg_ctl stop failed)"
    elif [[ "$PG_EXTERNAL" == 1 && ${#CREATED_DATABASES[@]} -gt 0 ]]; then
        local db
        for db in "${CREATED_DATABASES[@]}"; do drop_database "$db" >/dev/null 2>&1; done
    fi
    if [[ "$KEEP" == "1" ]]; then
        log "BENCH_KEEP=1: kept $TMP${PG_TMP:+ and $PG_TMP} and the $VERSION packages in the global packages folder"
        return $rc
    fi
    [[ -z "$PG_TMP" ]] || rm -rf "$PG_TMP"
    rm -rf "$TMP"
    remove_bench_packages
    return $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM


mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }

# mtime_ns FILE: modification time in nanoseconds, or 0 when the file does not exist.
mtime_ns() { if [[ -e "$1" ]]; then date -r "$1" +%s%N; else echo 0; fi; }

# ---------------------------------------------------------------------------------------------
# PostgreSQL helpers. PG_CS is an Npgsql connection string without Database (for the bundles);
# psql gets the same server through PG* variables, only for its own process.
# ---------------------------------------------------------------------------------------------
PG_HOST=""
PG_PORT=""
PG_USER=""
PG_PASSWORD=""
PG_ADMIN_DB=""
PG_SSLMODE=""
PG_CS=""

pg_psql() {
    local database=$1
    shift
    env PGHOST="$PG_HOST" PGPORT="$PG_PORT" PGUSER="$PG_USER" PGPASSWORD="$PG_PASSWORD" PGDATABASE="$database" \
        ${PG_SSLMODE:+PGSSLMODE="$PG_SSLMODE"} PGCONNECT_TIMEOUT=10 \
        psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"
}

connection_for() { printf '%sDatabase=%s' "$PG_CS" "$1"; }

create_database() {
    CREATED_DATABASES+=("$1")
    pg_psql "$PG_ADMIN_DB" -c "CREATE DATABASE \"$1\""
}

drop_database() {
    pg_psql "$PG_ADMIN_DB" -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$1' AND pid <> pg_backend_pid()" >/dev/null &&
        pg_psql "$PG_ADMIN_DB" -c "DROP DATABASE IF EXISTS \"$1\""
}

history_count() { pg_psql "$1" -c 'SELECT count(*) FROM "__EFMigrationsHistory"'; }

start_postgres() {
    if [[ -n "${COGNOVA_TEST_DATABASE_URL:-}" ]]; then
        command -v python3 >/dev/null || die "python3 is needed to read COGNOVA_TEST_DATABASE_URL"
        local parsed
        # Prints host, port, user, password, database, libpq sslmode and the Npgsql string (without
        # Database), one per line. The value may hold a password: never print it.
        parsed="$(COGNOVA_URL="$COGNOVA_TEST_DATABASE_URL" python3 - <<'PY'
import os, sys, urllib.parse

text = os.environ["COGNOVA_URL"].strip()
values, extras = {}, []
aliases = {"host": "host", "server": "host", "port": "port", "username": "user", "user": "user",
           "user id": "user", "userid": "user", "user name": "user", "password": "password", "pwd": "password",
           "database": "database", "db": "database", "ssl mode": "sslmode", "sslmode": "sslmode"}
if text.lower().startswith(("postgres://", "postgresql://")):
    url = urllib.parse.urlsplit(text)
    values["host"] = url.hostname or ""
    values["port"] = str(url.port or "")
    values["user"] = urllib.parse.unquote(url.username or "")
    values["password"] = urllib.parse.unquote(url.password or "")
    values["database"] = urllib.parse.unquote(url.path.lstrip("/"))
    for key, value in urllib.parse.parse_qsl(url.query, keep_blank_values=True):
        if key.lower() == "sslmode":
            values["sslmode"] = value
        else:
            extras.append((key, value))
else:
    # key=value pairs separated by ';'; a value may be quoted with " or ' (the quote doubled inside).
    i = 0
    while i < len(text):
        eq = text.find("=", i)
        if eq < 0:
            break
        key = text[i:eq].strip().strip(";").strip()
        j = eq + 1
        while j < len(text) and text[j] == " ":
            j += 1
        if j < len(text) and text[j] in "\"'":
            quote_char, j, chars = text[j], j + 1, []
            while j < len(text):
                if text[j] == quote_char and text[j + 1:j + 2] == quote_char:
                    chars.append(quote_char)
                    j += 2
                elif text[j] == quote_char:
                    j += 1
                    break
                else:
                    chars.append(text[j])
                    j += 1
            value = "".join(chars)
            end = text.find(";", j)
        else:
            end = text.find(";", j)
            value = text[j:end if end >= 0 else len(text)].strip()
        i = len(text) if end < 0 else end + 1
        canonical = aliases.get(key.lower())
        if canonical:
            values[canonical] = value
        elif key:
            extras.append((key, value))

if not values.get("host"):
    print("COGNOVA_TEST_DATABASE_URL names no host", file=sys.stderr)
    sys.exit(2)

def quote(value):
    if any(c in value for c in ";\"'=") or value != value.strip():
        return '"' + value.replace('"', '""') + '"'
    return value

npgsql = [("Host", values["host"])]
if values.get("port"):
    npgsql.append(("Port", values["port"]))
if values.get("user"):
    npgsql.append(("Username", values["user"]))
if values.get("password"):
    npgsql.append(("Password", values["password"]))
if values.get("sslmode"):
    npgsql.append(("SSL Mode", values["sslmode"]))
npgsql += extras
libpq_ssl = {"disable": "disable", "allow": "allow", "prefer": "prefer", "require": "require",
             "verifyca": "verify-ca", "verify-ca": "verify-ca", "verifyfull": "verify-full",
             "verify-full": "verify-full"}.get(values.get("sslmode", "").lower(), "")
for line in (values["host"], values.get("port") or "5432", values.get("user", ""), values.get("password", ""),
             values.get("database") or "postgres", libpq_ssl,
             "".join(f"{k}={quote(v)};" for k, v in npgsql)):
    print(line)
PY
)" || die "could not read COGNOVA_TEST_DATABASE_URL"
        mapfile -t fields <<<"$parsed"
        PG_HOST="${fields[0]}"
        PG_PORT="${fields[1]}"
        PG_USER="${fields[2]}"
        PG_PASSWORD="${fields[3]}"
        PG_ADMIN_DB="${fields[4]}"
        PG_SSLMODE="${fields[5]}"
        PG_CS="${fields[6]}"
        PG_EXTERNAL=1
        pg_psql "$PG_ADMIN_DB" -c 'SELECT 1' >/dev/null 2>"$LOGS/pg-check.err" ||
            die "cannot connect to the server of COGNOVA_TEST_DATABASE_URL with psql" "$LOGS/pg-check.err"
        log "PostgreSQL: the server of COGNOVA_TEST_DATABASE_URL ($PG_HOST:$PG_PORT), nothing started"
        return
    fi

    local initdb_path
    initdb_path="$(command -v initdb || true)"
    if [[ -n "$initdb_path" ]]; then
        PG_BIN="$(dirname "$(readlink -f "$initdb_path")")"
    else
        PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    fi
    for program in initdb pg_ctl postgres; do
        [[ -n "$PG_BIN" && -x "$PG_BIN/$program" ]] ||
            die "no PostgreSQL server programs (initdb, pg_ctl, postgres) on PATH or under /usr/lib/postgresql/*/bin; install them or set COGNOVA_TEST_DATABASE_URL"
    done
    command -v runuser >/dev/null || die "runuser is needed to run the PostgreSQL server as the postgres OS user"
    id postgres >/dev/null 2>&1 || die "there is no postgres OS user to run the throw-away server"
    command -v python3 >/dev/null || die "python3 is needed to find a free port"

    PG_TMP="$(mktemp -d)"
    chown postgres: "$PG_TMP"
    chmod 700 "$PG_TMP"
    PG_PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    log "PostgreSQL: initdb and start a throw-away server ($("$PG_BIN/postgres" --version)) on 127.0.0.1:$PG_PORT"
    run_logged pg-initdb runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres -A trust -E UTF8 --no-sync
    [[ $RC -eq 0 ]] || die "initdb failed (exit $RC)" "$LOGS/pg-initdb.out" "$LOGS/pg-initdb.err"
    run_logged pg-start runuser -u postgres -- "$PG_BIN/pg_ctl" start -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$PG_TMP -c fsync=off"
    [[ $RC -eq 0 ]] || die "pg_ctl start failed (exit $RC)" "$LOGS/pg-start.out" "$LOGS/pg-start.err" "$PG_TMP/server.log"
    PG_STARTED=1
    PG_HOST=127.0.0.1
    PG_USER=postgres
    PG_ADMIN_DB=postgres
    PG_CS="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;"
    pg_psql "$PG_ADMIN_DB" -c 'SELECT 1' >/dev/null 2>"$LOGS/pg-check.err" ||
        die "psql cannot connect to the throw-away server" "$LOGS/pg-check.err" "$PG_TMP/server.log"
}

# ---------------------------------------------------------------------------------------------
# 1. Pack a snapshot of the working tree (no bin/obj) into a local feed, with a unique version.
#    Packing a copy keeps the bench away from the tree's own bin/obj folders.
# ---------------------------------------------------------------------------------------------
command -v python3 >/dev/null || die "python3 is needed to generate the $MIGRATIONS-migration project"
command -v psql >/dev/null || die "psql is needed to create and inspect the databases"
log "temp folder: $TMP"
start_postgres

log "packing Cognova.Build $VERSION (Release)"
mkdir -p "$TMP/repo"
tar -C "$REPO" \
    --exclude=./.git --exclude=./artifacts --exclude=./bench \
    --exclude=bin --exclude=obj --exclude=TestResults --exclude=.vs \
    -cf - . | tar -C "$TMP/repo" -xf -
run_logged pack dotnet pack "$TMP/repo/Cognova.Build.sln" -c Release -o "$FEED" -p:Version="$VERSION" "${BUILD_FLAGS[@]}"
[[ $RC -eq 0 ]] || die "dotnet pack failed (exit $RC)" "$LOGS/pack.out" "$LOGS/pack.err"
for package in Cognova.Build Cognova.Migrations; do
    [[ -f "$FEED/$package.$VERSION.nupkg" ]] || die "pack did not produce $package.$VERSION.nupkg" "$LOGS/pack.out"
done
log "packed in $((ELAPSED_MS / 1000)) s"

# ---------------------------------------------------------------------------------------------
# 2. Two copies of the sample app that reference the package, outside the repository: sample/ for
#    `dotnet publish`, sample-ef/ for `dotnet ef migrations bundle`. Separate copies, because the bundle
#    EF makes restores the app's project for a runtime identifier: in the same folder, the next publish
#    would restore again and redo work that has nothing to do with the bundle.
# ---------------------------------------------------------------------------------------------
log "preparing two copies of samples/Cognova.Sample with a package reference"
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

for copy in sample sample-ef; do
    mkdir -p "$WORK/$copy"
    tar -C "$SAMPLE" --exclude=./bin --exclude=./obj -cf - . | tar -C "$WORK/$copy" -xf -
    csproj="$WORK/$copy/$PROJECT_NAME.csproj"
    [[ -f "$csproj" ]] || die "$PROJECT_NAME.csproj not found in the sample copy"
    # Drop the repo-only wiring (and its comment); the copies stand alone like a user's project.
    sed -i -e '/CognovaUseRepoBuild/d' -e '/Use the Cognova.Build targets straight from this repository/d' "$csproj"
    for setting in Nullable ImplicitUsings; do
        if ! grep -q "<$setting>" "$csproj"; then
            sed -i -e "s#^</Project>#  <PropertyGroup>\n    <$setting>enable</$setting>\n  </PropertyGroup>\n\n</Project>#" "$csproj"
        fi
    done
    # The sample's start-up migrations come from the repository (a project reference to
    # src/Cognova.Migrations); a copy uses the package of the same version instead.
    sed -i -e "s#<ProjectReference Include=\"[./]*src/Cognova.Migrations/Cognova.Migrations.csproj\" />#<PackageReference Include=\"Cognova.Migrations\" Version=\"$VERSION\" />#" "$csproj"
    ! grep -q 'src/Cognova.Migrations' "$csproj" || die "could not replace the project reference to src/Cognova.Migrations in $copy/$PROJECT_NAME.csproj"
    sed -i -e "s#^</Project>#  <ItemGroup>\n    <PackageReference Include=\"Cognova.Build\" Version=\"$VERSION\" PrivateAssets=\"all\" />\n  </ItemGroup>\n\n</Project>#" "$csproj"
    grep -q "Include=\"Cognova.Build\" Version=\"$VERSION\"" "$csproj" || die "could not add the package reference to $copy/$PROJECT_NAME.csproj"
    ! grep -q CognovaUseRepoBuild "$csproj" || die "CognovaUseRepoBuild is still set in $copy/$PROJECT_NAME.csproj"
done
APP="$WORK/sample"
APP_PROJ="$APP/$PROJECT_NAME.csproj"
APP_SOURCE="$APP/Program.cs"
[[ -f "$APP_SOURCE" ]] || die "Program.cs not found in the sample copy"
EF_APP_PROJ="$WORK/sample-ef/$PROJECT_NAME.csproj"

GLOBAL_PACKAGES="$(cd "$WORK" && dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')"
GLOBAL_PACKAGES="${GLOBAL_PACKAGES%/}"
[[ -n "$GLOBAL_PACKAGES" ]] || die "could not find the NuGet global packages folder"
SDK_VERSION="$(cd "$WORK" && dotnet --version)"

log "restoring the dotnet-ef tool from the repository's manifest"
run_logged tool-restore bash -c "cd \"\$1\" && dotnet tool restore" _ "$REPO"
[[ $RC -eq 0 ]] || die "dotnet tool restore failed" "$LOGS/tool-restore.out" "$LOGS/tool-restore.err"
EF_VERSION="$(cd "$REPO" && dotnet tool run dotnet-ef --version 2>/dev/null | tail -n 1)"

# ---------------------------------------------------------------------------------------------
# 3. Measurement 1: the bundle's share of `dotnet publish` vs `dotnet ef migrations bundle`.
# ---------------------------------------------------------------------------------------------
# touch_source NAME: change Program.cs (a comment line), so that the next build compiles again.
touch_source() { printf '// changed by bench/bundle.sh before %s\n' "$1" >>"$APP_SOURCE"; }

# publish NAME on|off: change the source, then one `dotnet publish` of sample/. Checks the exit code,
# that it compiled, that it had nothing to restore, and the bundle file: rewritten with the bundle on,
# untouched with it off. Sets ELAPSED_MS.
APP_BUNDLE=""
APP_OBJ_DLL="$APP/obj/Release/net10.0/$PROJECT_NAME.dll"
publish() {
    local name=$1 side=$2 bundle_before dll_before flag=true
    [[ "$side" == on ]] || flag=false
    touch_source "$name"
    bundle_before=$(mtime_ns "$APP_BUNDLE")
    dll_before=$(mtime_ns "$APP_OBJ_DLL")
    cd "$WORK"
    run_logged "$name" dotnet publish "$APP_PROJ" "${BUILD_FLAGS[@]}" -p:CognovaBundle=$flag
    [[ $RC -eq 0 ]] || die "$name: dotnet publish -p:CognovaBundle=$flag failed (exit $RC)" "$LOGS/$name.out" "$LOGS/$name.err"
    [[ "$(mtime_ns "$APP_OBJ_DLL")" != "$dll_before" ]] || die "$name: the publish did not compile the changed source" "$LOGS/$name.out"
    grep -q 'All projects are up-to-date for restore' "$LOGS/$name.out" ||
        die "$name: the publish restored the project (the runs would not be alike)" "$LOGS/$name.out"
    if [[ "$side" == on ]]; then
        [[ "$(mtime_ns "$APP_BUNDLE")" != "$bundle_before" ]] || die "$name: the publish did not rewrite $APP_BUNDLE" "$LOGS/$name.out"
    else
        [[ "$(mtime_ns "$APP_BUNDLE")" == "$bundle_before" ]] || die "$name: the publish with the bundle off touched $APP_BUNDLE" "$LOGS/$name.out"
        ! grep -q -- '-> .*/efbundle$' "$LOGS/$name.out" || die "$name: the publish with the bundle off wrote a bundle" "$LOGS/$name.out"
    fi
}

# ef_bundle NAME PROJECT OUTPUT: `dotnet ef migrations bundle` from the repository root (the pinned
# tool); checks the exit code and that OUTPUT was rewritten. Sets ELAPSED_MS.
ef_bundle() {
    local name=$1 project=$2 output=$3 before
    before=$(mtime_ns "$output")
    cd "$REPO"
    run_logged "$name" dotnet tool run dotnet-ef migrations bundle --force -o "$output" --project "$project"
    [[ $RC -eq 0 ]] || die "$name: dotnet ef migrations bundle failed (exit $RC)" "$LOGS/$name.out" "$LOGS/$name.err"
    [[ -f "$output" && "$(mtime_ns "$output")" != "$before" ]] || die "$name: dotnet ef migrations bundle did not write $output" "$LOGS/$name.out"
}

log "warm-up: restore, publish with the bundle on and off, dotnet ef migrations bundle (not timed)"
cd "$WORK"
for copy in sample sample-ef; do
    run_logged "warmup-restore-$copy" dotnet restore "$WORK/$copy/$PROJECT_NAME.csproj"
    [[ $RC -eq 0 ]] || die "restore of $copy/ failed (exit $RC)" "$LOGS/warmup-restore-$copy.out" "$LOGS/warmup-restore-$copy.err"
done
run_logged warmup-publish-first dotnet publish "$APP_PROJ" "${BUILD_FLAGS[@]}" -p:CognovaBundle=true
[[ $RC -eq 0 ]] || die "the first publish of the sample copy failed (exit $RC)" "$LOGS/warmup-publish-first.out" "$LOGS/warmup-publish-first.err"
APP_BUNDLE="$(sed -n 's/^ *[^ ]* -> \(.*\/efbundle\)$/\1/p' "$LOGS/warmup-publish-first.out" | tail -n 1)"
[[ -n "$APP_BUNDLE" && -x "$APP_BUNDLE" ]] || die "the publish printed no '-> …/efbundle' line or wrote no executable bundle" "$LOGS/warmup-publish-first.out"
[[ -f "$APP_OBJ_DLL" ]] || die "the publish did not compile into $APP_OBJ_DLL" "$LOGS/warmup-publish-first.out"
log "  our bundle: $APP_BUNDLE"
publish warmup-publish-off off
publish warmup-publish-on on
# sample-ef/ is built once here; the build that each `dotnet ef migrations bundle` starts itself
# (Debug, the tool's default) then has nothing to compile, so EF's figure is the bundle alone.
run_logged warmup-build-ef dotnet build --no-restore "${BUILD_FLAGS[@]}" "$EF_APP_PROJ"
[[ $RC -eq 0 ]] || die "the build of sample-ef/ failed (exit $RC)" "$LOGS/warmup-build-ef.out" "$LOGS/warmup-build-ef.err"
APP_EF_BUNDLE="$TMP/ef-sample/efbundle"
mkdir -p "$(dirname "$APP_EF_BUNDLE")"
ef_bundle warmup-ef-bundle "$EF_APP_PROJ" "$APP_EF_BUNDLE"
log "  dotnet ef migrations bundle (warm-up): ${ELAPSED_MS} ms"

log "bundle production: $RUNS runs each, interleaved (publish on, publish off, dotnet ef migrations bundle; on and off swap places every other run)"
PUBLISH_ON=""
PUBLISH_OFF=""
EF_BUNDLE=""
for i in $(seq 1 "$RUNS"); do
    if ((i % 2)); then
        publish "publish-on-$i" on
        on=$ELAPSED_MS
        publish "publish-off-$i" off
        off=$ELAPSED_MS
    else
        publish "publish-off-$i" off
        off=$ELAPSED_MS
        publish "publish-on-$i" on
        on=$ELAPSED_MS
    fi
    ef_bundle "ef-bundle-$i" "$EF_APP_PROJ" "$APP_EF_BUNDLE"
    ef=$ELAPSED_MS
    PUBLISH_ON="$PUBLISH_ON $on"
    PUBLISH_OFF="$PUBLISH_OFF $off"
    EF_BUNDLE="$EF_BUNDLE $ef"
    log "  run $i/$RUNS: publish on ${on} ms, off ${off} ms (bundle +$((on - off)) ms), dotnet ef migrations bundle ${ef} ms"
done

# For the reader, not timed: one more publish with the bundle on and MSBuild's performance summary,
# to show which targets the bundle's share is spent in.
touch_source publish-summary
cd "$WORK"
run_logged publish-summary dotnet publish "$APP_PROJ" "${BUILD_FLAGS[@]}" -p:CognovaBundle=true -clp:PerformanceSummary
[[ $RC -eq 0 ]] || die "the publish with the performance summary failed (exit $RC)" "$LOGS/publish-summary.out" "$LOGS/publish-summary.err"
PUBLISH_TARGETS="$(sed -n '/Target Performance Summary/,/Task Performance Summary/p' "$LOGS/publish-summary.out" |
    grep -E '^ *[0-9]+ ms +(_?Cognova[A-Za-z]*|CoreCompile|Restore) ' | sed -e 's/^ *//' -e 's/ *[0-9]* calls$//' | sort -n -r || true)"
PUBLISH_SUMMARY_MS=$ELAPSED_MS

# ---------------------------------------------------------------------------------------------
# 4. The generated project with $MIGRATIONS migrations (bench/gen-migrations.py) and its snapshot,
#    then both bundles of it: ours from `dotnet publish`, EF's from `dotnet ef migrations bundle`.
# ---------------------------------------------------------------------------------------------
BIG="$WORK/bench$MIGRATIONS"
BIG_NAME="Bench200" # the name bench/gen-migrations.py gives every generated project
BIG_PROJ="$BIG/$BIG_NAME.csproj"
BIG_MIGRATIONS="$BIG/Data/Migrations"
BIG_LOCK="$BIG_MIGRATIONS/migrations.lock.json"
log "generating a project with $MIGRATIONS tables and $MIGRATIONS migrations (bench/gen-migrations.py)"
python3 "$REPO/bench/gen-migrations.py" "$BIG" "$MIGRATIONS" "$VERSION" >"$LOGS/gen.out" 2>&1 ||
    die "bench/gen-migrations.py failed" "$LOGS/gen.out"
[[ -f "$BIG_PROJ" ]] || die "bench/gen-migrations.py wrote no $BIG_NAME.csproj" "$LOGS/gen.out"

cd "$WORK"
run_logged big-build-nocheck dotnet build "${BUILD_FLAGS[@]}" -p:CognovaEnabled=false "$BIG_PROJ"
[[ $RC -eq 0 ]] || die "the first build of the generated project failed (exit $RC)" "$LOGS/big-build-nocheck.out" "$LOGS/big-build-nocheck.err"
log "adding the model snapshot (dotnet ef migrations add Snapshot --no-build, then dropping that migration)"
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

cd "$WORK"
log "building the generated project with the checks (writes $(basename "$BIG_LOCK"))"
run_logged big-build dotnet build --no-restore "${BUILD_FLAGS[@]}" "$BIG_PROJ"
if [[ $RC -ne 0 ]] || grep -q 'error COG' "$LOGS/big-build.out"; then
    die "the build of the generated project reported errors (exit $RC)" "$LOGS/big-build.out" "$LOGS/big-build.err"
fi
[[ -f "$BIG_LOCK" ]] || die "the build did not write $BIG_LOCK" "$LOGS/big-build.out"
locked_count=$(grep -c '"id": "2024' "$BIG_LOCK" || true)
[[ "$locked_count" -eq "$MIGRATIONS" ]] || die "the lock file has $locked_count migrations, expected $MIGRATIONS" "$BIG_LOCK"

log "publishing the generated project (writes our efbundle)"
run_logged big-publish dotnet publish "$BIG_PROJ" "${BUILD_FLAGS[@]}"
[[ $RC -eq 0 ]] || die "dotnet publish of the generated project failed (exit $RC)" "$LOGS/big-publish.out" "$LOGS/big-publish.err"
OURS="$(sed -n 's/^ *[^ ]* -> \(.*\/efbundle\)$/\1/p' "$LOGS/big-publish.out" | tail -n 1)"
[[ -n "$OURS" && -x "$OURS" ]] || die "the publish of the generated project wrote no executable efbundle" "$LOGS/big-publish.out"
log "  published in ${ELAPSED_MS} ms: $OURS"

log "dotnet ef migrations bundle of the generated project (EF's bundle)"
EFS="$TMP/ef-bench$MIGRATIONS/efbundle"
mkdir -p "$(dirname "$EFS")"
ef_bundle big-ef-bundle "$BIG_PROJ" "$EFS"
log "  made in ${ELAPSED_MS} ms: $EFS"
OURS_BYTES=$(stat -c %s "$OURS")
EFS_BYTES=$(stat -c %s "$EFS")

# ---------------------------------------------------------------------------------------------
# 5. Measurement 2: apply $MIGRATIONS migrations to a fresh database, then nothing pending.
# ---------------------------------------------------------------------------------------------
DB_PREFIX="cognova_bundle_bench_$$"

# apply NAME BUNDLE DATABASE EXPECT [ROWS]: one run of BUNDLE on DATABASE; it must exit 0, leave ROWS
# (default $MIGRATIONS) rows in "__EFMigrationsHistory", and print "already up to date" exactly when EXPECT
# is "uptodate". Sets ELAPSED_MS.
apply() {
    local name=$1 bundle=$2 database=$3 expect=$4 rows=${5:-$MIGRATIONS} elapsed count
    cd "$TMP"
    run_logged "$name" "$bundle" --connection "$(connection_for "$database")"
    elapsed=$ELAPSED_MS
    [[ $RC -eq 0 ]] || die "$name: $bundle exited with $RC (expected 0)" "$LOGS/$name.out" "$LOGS/$name.err"
    count="$(history_count "$database" 2>"$LOGS/$name.count.err")" ||
        die "$name: could not count the rows of __EFMigrationsHistory" "$LOGS/$name.count.err"
    [[ "$count" -eq "$rows" ]] || die "$name: __EFMigrationsHistory has $count rows, expected $rows" "$LOGS/$name.out"
    if [[ "$expect" == uptodate ]]; then
        grep -qi 'already up to date' "$LOGS/$name.out" || die "$name: the bundle did not report an up-to-date database" "$LOGS/$name.out"
    else
        ! grep -qi 'already up to date' "$LOGS/$name.out" || die "$name: the bundle found nothing to apply on a fresh database" "$LOGS/$name.out"
    fi
    ELAPSED_MS=$elapsed
}

fresh_database() {
    create_database "$1" >/dev/null 2>"$LOGS/create-$1.err" || die "could not create the database $1" "$LOGS/create-$1.err"
}

log "warm-up: each bundle applies $MIGRATIONS migrations to a fresh database, then runs again (not timed)"
fresh_database "${DB_PREFIX}_warmup_ours"
apply warmup-ours-apply "$OURS" "${DB_PREFIX}_warmup_ours" applied
log "  ours: ${ELAPSED_MS} ms, exit 0, $MIGRATIONS rows in __EFMigrationsHistory"
fresh_database "${DB_PREFIX}_warmup_ef"
apply warmup-ef-apply "$EFS" "${DB_PREFIX}_warmup_ef" applied
log "  EF's: ${ELAPSED_MS} ms, exit 0, $MIGRATIONS rows in __EFMigrationsHistory"
apply warmup-ours-noop "$OURS" "${DB_PREFIX}_warmup_ours" uptodate
apply warmup-ef-noop "$EFS" "${DB_PREFIX}_warmup_ef" uptodate
drop_database "${DB_PREFIX}_warmup_ours" >/dev/null 2>&1 || true
drop_database "${DB_PREFIX}_warmup_ef" >/dev/null 2>&1 || true

log "applying $MIGRATIONS migrations, then nothing pending: $RUNS runs each, interleaved (ours, EF's, ours up to date, EF's up to date, ...)"
APPLY_OURS=""
APPLY_EF=""
NOOP_OURS=""
NOOP_EF=""
for i in $(seq 1 "$RUNS"); do
    fresh_database "${DB_PREFIX}_ours_$i"
    fresh_database "${DB_PREFIX}_ef_$i"
    apply "ours-apply-$i" "$OURS" "${DB_PREFIX}_ours_$i" applied
    a=$ELAPSED_MS
    apply "ef-apply-$i" "$EFS" "${DB_PREFIX}_ef_$i" applied
    b=$ELAPSED_MS
    apply "ours-noop-$i" "$OURS" "${DB_PREFIX}_ours_$i" uptodate
    c=$ELAPSED_MS
    apply "ef-noop-$i" "$EFS" "${DB_PREFIX}_ef_$i" uptodate
    d=$ELAPSED_MS
    drop_database "${DB_PREFIX}_ours_$i" >/dev/null 2>&1 || true
    drop_database "${DB_PREFIX}_ef_$i" >/dev/null 2>&1 || true
    APPLY_OURS="$APPLY_OURS $a"
    APPLY_EF="$APPLY_EF $b"
    NOOP_OURS="$NOOP_OURS $c"
    NOOP_EF="$NOOP_EF $d"
    log "  run $i/$RUNS: apply ours ${a} ms, EF's ${b} ms; up to date ours ${c} ms, EF's ${d} ms"
done

# One run of our bundle with --verbose on a fresh database and one on the same database with nothing
# pending. Each line is prefixed with the milliseconds since the bundle started (when the line arrived).
stamp_lines() {
    local start=$1 line now
    while IFS= read -r line; do
        now=$EPOCHREALTIME
        printf '%6d ms  %s\n' "$(((${now/./} - ${start/./}) / 1000))" "$line"
    done
}
verbose_run() {
    local name=$1 bundle=$2 database=$3 start now rc
    cd "$TMP"
    start=$EPOCHREALTIME
    set +o pipefail
    "$bundle" --connection "$(connection_for "$database")" --verbose --no-color 2>&1 | stamp_lines "$start" >"$LOGS/$name.out"
    rc=${PIPESTATUS[0]}
    set -o pipefail
    now=$EPOCHREALTIME
    printf '%6d ms  (the process exited with %d)\n' "$(((${now/./} - ${start/./}) / 1000))" "$rc" >>"$LOGS/$name.out"
    [[ $rc -eq 0 ]] || die "$name: $bundle --verbose exited with $rc" "$LOGS/$name.out"
}

# condense: the verbose lines without EF Core's chatter (commands, SQL text, connections, transactions,
# readers), and with the per-migration lines (applying, applied, EF's lock) folded into one line but for
# the first 8 and the last 4. The whole output stays in logs/ (BENCH_KEEP=1).
condense() {
    awk '
        {
            line = $0
            text = line
            sub(/^ *[0-9]+ ms  /, "", text)
            if (text ~ /^(Creating|Created|Initialized|Executing|Executed|Failed executing) Db(Command|Connection)/) next
            if (text ~ /^(Opening|Opened|Closing|Closed|Disposing|Disposed) connection/) next
            if (text ~ /^(Beginning|Began|Committing|Committed|Disposing) transaction/) next
            if (text ~ /^(Closing data reader|A data reader)/) next
            if (text ~ /^(SELECT|FROM|ORDER BY|CREATE|INSERT|VALUES|LOCK TABLE|ALTER|DROP|\)|;)/ || text ~ /^[ \t]/) next
            if (length(line) > 200) line = substr(line, 1, 200) "…"
            n++
            lines[n] = line
            per[n] = (text ~ /^(Appl(ying|ied) migration |Acquiring an exclusive lock)/)
            if (per[n]) total++
        }
        END {
            rank = 0
            for (i = 1; i <= n; i++) {
                if (!per[i]) { print lines[i]; continue }
                rank++
                if (rank <= 8 || rank > total - 4) print lines[i]
                else if (rank == 9) printf "          … %d more lines like these, for the migrations in between …\n", total - 12
            }
        }'
}
log "one run of each bundle with --verbose: $MIGRATIONS migrations on a fresh database, then nothing pending"
for side in ours ef; do
    bundle="$OURS"
    [[ "$side" == ours ]] || bundle="$EFS"
    fresh_database "${DB_PREFIX}_verbose_$side"
    verbose_run "verbose-$side-apply" "$bundle" "${DB_PREFIX}_verbose_$side"
    verbose_run "verbose-$side-noop" "$bundle" "${DB_PREFIX}_verbose_$side"
    drop_database "${DB_PREFIX}_verbose_$side" >/dev/null 2>&1 || true
done

# ---------------------------------------------------------------------------------------------
# 5b. Measurement 4: a real-style history of $REAL_MIGRATIONS migrations (bench/real-history/, copied by
#     bench/gen-real-history.py): tables created early, then columns, indexes, foreign keys, type changes,
#     renames, a join table, seed data, raw SQL (a backfill, a view, a function), drops and check
#     constraints. Its destructive findings are approved the way a team adopting Cognova does it, then
#     both bundles are made and applied to fresh databases like the $MIGRATIONS-migration project.
# ---------------------------------------------------------------------------------------------
REAL_MIGRATIONS=40
REAL="$WORK/real-history"
REAL_PROJ="$REAL/RealHistory.csproj"
REAL_LOCK="$REAL/Data/Migrations/migrations.lock.json"
log "copying the $REAL_MIGRATIONS-migration real-style history (bench/gen-real-history.py)"
python3 "$REPO/bench/gen-real-history.py" "$REAL" "$VERSION" >"$LOGS/real-gen.out" 2>&1 ||
    die "bench/gen-real-history.py failed" "$LOGS/real-gen.out"
[[ -f "$REAL_PROJ" ]] || die "bench/gen-real-history.py wrote no RealHistory.csproj" "$LOGS/real-gen.out"

cd "$WORK"
log "approving its destructive migrations and locking all of them (-t:CognovaApprove -p:CognovaApproveMigration=*)"
echo "Benchmark fixture: a throw-away database, every change reviewed for the bench." >"$TMP/real-approve-reason.txt"
run_logged real-approve dotnet build "${BUILD_FLAGS[@]}" "$REAL_PROJ" -t:CognovaApprove \
    "-p:CognovaApproveMigration=*" "-p:CognovaApproveReasonFile=$TMP/real-approve-reason.txt"
if [[ $RC -ne 0 ]] || grep -q 'error COG' "$LOGS/real-approve.out"; then
    die "approving the real-style history failed (exit $RC)" "$LOGS/real-approve.out" "$LOGS/real-approve.err"
fi
[[ -f "$REAL_LOCK" ]] || die "the approval did not write $REAL_LOCK" "$LOGS/real-approve.out"
locked_count=$(grep -c '"id": "20' "$REAL_LOCK" || true)
[[ "$locked_count" -eq "$REAL_MIGRATIONS" ]] || die "the lock file has $locked_count migrations, expected $REAL_MIGRATIONS" "$REAL_LOCK"
REAL_APPROVED_CODES="$(grep -o '"rule": "COG[0-9]*"' "$REAL_LOCK" | sed 's/.*"\(COG[0-9]*\)"/\1/' | sort | uniq -c |
    awk '{ printf "%s%s ×%d", (NR > 1 ? ", " : ""), $2, $1 }')"
log "  locked $locked_count migrations; approvals: ${REAL_APPROVED_CODES:-none}"

log "publishing the real-style history (writes our efbundle)"
run_logged real-publish dotnet publish "$REAL_PROJ" "${BUILD_FLAGS[@]}"
if [[ $RC -ne 0 ]] || grep -q 'error COG' "$LOGS/real-publish.out"; then
    die "dotnet publish of the real-style history failed (exit $RC)" "$LOGS/real-publish.out" "$LOGS/real-publish.err"
fi
REAL_OURS="$(sed -n 's/^ *[^ ]* -> \(.*\/efbundle\)$/\1/p' "$LOGS/real-publish.out" | tail -n 1)"
[[ -n "$REAL_OURS" && -x "$REAL_OURS" ]] || die "the publish of the real-style history wrote no executable efbundle" "$LOGS/real-publish.out"
log "  published in ${ELAPSED_MS} ms: $REAL_OURS"

log "dotnet ef migrations bundle of the real-style history (EF's bundle)"
REAL_EFS="$TMP/ef-real-history/efbundle"
mkdir -p "$(dirname "$REAL_EFS")"
ef_bundle real-ef-bundle "$REAL_PROJ" "$REAL_EFS"
log "  made in ${ELAPSED_MS} ms: $REAL_EFS"

log "warm-up: each bundle applies the $REAL_MIGRATIONS real-style migrations to a fresh database (not timed)"
for side in ours ef; do
    bundle="$REAL_OURS"
    [[ "$side" == ours ]] || bundle="$REAL_EFS"
    fresh_database "${DB_PREFIX}_real_warmup_$side"
    apply "real-warmup-$side-apply" "$bundle" "${DB_PREFIX}_real_warmup_$side" applied "$REAL_MIGRATIONS"
    log "  $side: ${ELAPSED_MS} ms, exit 0, $REAL_MIGRATIONS rows in __EFMigrationsHistory"
    drop_database "${DB_PREFIX}_real_warmup_$side" >/dev/null 2>&1 || true
done

log "applying the $REAL_MIGRATIONS real-style migrations to a fresh database: $RUNS runs each, interleaved (ours, EF's, ...)"
REAL_APPLY_OURS=""
REAL_APPLY_EF=""
for i in $(seq 1 "$RUNS"); do
    fresh_database "${DB_PREFIX}_real_ours_$i"
    fresh_database "${DB_PREFIX}_real_ef_$i"
    apply "real-ours-apply-$i" "$REAL_OURS" "${DB_PREFIX}_real_ours_$i" applied "$REAL_MIGRATIONS"
    a=$ELAPSED_MS
    apply "real-ef-apply-$i" "$REAL_EFS" "${DB_PREFIX}_real_ef_$i" applied "$REAL_MIGRATIONS"
    b=$ELAPSED_MS
    drop_database "${DB_PREFIX}_real_ours_$i" >/dev/null 2>&1 || true
    drop_database "${DB_PREFIX}_real_ef_$i" >/dev/null 2>&1 || true
    REAL_APPLY_OURS="$REAL_APPLY_OURS $a"
    REAL_APPLY_EF="$REAL_APPLY_EF $b"
    log "  run $i/$RUNS: ours ${a} ms, EF's ${b} ms"
done

# For information: one run of our bundle with --verbose on a fresh database. If it prints a line about
# checking its migrations against the lock, the table is followed by that line and the one before it
# (milliseconds since the start), which shows what the check costs.
log "one run of our bundle with --verbose: the $REAL_MIGRATIONS real-style migrations on a fresh database"
fresh_database "${DB_PREFIX}_real_verbose"
verbose_run verbose-real-ours-apply "$REAL_OURS" "${DB_PREFIX}_real_verbose"
drop_database "${DB_PREFIX}_real_verbose" >/dev/null 2>&1 || true
REAL_VERIFY_LINES="$(awk '
    { text = $0; sub(/^ *[0-9]+ ms  /, "", text) }
    text ~ /(lock file|[Vv]erif)/ && text !~ /^(Acquir|Releas)/ { if (previous != "" && !printed[NR - 1]) print previous; print; printed[NR] = 1 }
    { previous = $0 }' "$LOGS/verbose-real-ours-apply.out" | cut -c1-200)"

# ---------------------------------------------------------------------------------------------
# 6. The table.
# ---------------------------------------------------------------------------------------------
m_on=$(echo "$PUBLISH_ON" | median)
m_off=$(echo "$PUBLISH_OFF" | median)
m_ef_bundle=$(echo "$EF_BUNDLE" | median)
m_extra=$((m_on - m_off))
m_apply_ours=$(echo "$APPLY_OURS" | median)
m_apply_ef=$(echo "$APPLY_EF" | median)
m_noop_ours=$(echo "$NOOP_OURS" | median)
m_noop_ef=$(echo "$NOOP_EF" | median)
m_real_ours=$(echo "$REAL_APPLY_OURS" | median)
m_real_ef=$(echo "$REAL_APPLY_EF" | median)
EXTRA_RUNS=""
read -r -a on_runs <<<"$PUBLISH_ON"
read -r -a off_runs <<<"$PUBLISH_OFF"
for k in "${!on_runs[@]}"; do EXTRA_RUNS="$EXTRA_RUNS $((on_runs[k] - off_runs[k]))"; done
WALL_S=$(awk -v ns="$(($(date +%s%N) - WALL_START))" 'BEGIN { printf "%.0f", ns / 1e9 }')
if [[ "$PG_EXTERNAL" == 1 ]]; then PG_DESC="the server of COGNOVA_TEST_DATABASE_URL"; else PG_DESC="throw-away $("$PG_BIN/postgres" --version | sed 's/^postgres (PostgreSQL) /PostgreSQL /'), fsync=off"; fi

cat <<EOF

## Cognova.Build migration bundle bench

| measurement | Cognova | EF Core | ratio | target | met |
|---|---:|---:|---:|---:|:---:|
| making the bundle of the sample: \`dotnet publish\` with the bundle on minus off (median ms: $m_on − $m_off) vs \`dotnet ef migrations bundle --force\` (median ms) | $m_extra | $m_ef_bundle | $(ratio "$m_extra" "$m_ef_bundle") | ≤ 0.25 | $(meets "$m_extra" "$m_ef_bundle" 0.25) |
| applying $MIGRATIONS migrations to a fresh database: our \`efbundle\` vs EF's bundle (median ms) | $m_apply_ours | $m_apply_ef | $(ratio "$m_apply_ours" "$m_apply_ef") | ≤ 1.0 | $(meets "$m_apply_ours" "$m_apply_ef" 1.0) |
| nothing pending (database up to date): our \`efbundle\` vs EF's bundle (median ms) | $m_noop_ours | $m_noop_ef | $(ratio "$m_noop_ours" "$m_noop_ef") | ≤ 0.5 | $(meets "$m_noop_ours" "$m_noop_ef" 0.5) |
| $REAL_MIGRATIONS real-style migrations on a fresh database: our \`efbundle\` vs EF's bundle (median ms) | $m_real_ours | $m_real_ef | $(ratio "$m_real_ours" "$m_real_ef") | ≤ 1.0 | $(meets "$m_real_ours" "$m_real_ef" 1.0) |
| bundle file size, $MIGRATIONS-migration project (MB) | $(mb "$OURS_BYTES") | $(mb "$EFS_BYTES") | $(ratio "$OURS_BYTES" "$EFS_BYTES") | — | — |

- runs per side: $RUNS (interleaved), nproc: $(nproc), .NET SDK: $SDK_VERSION, dotnet-ef: $EF_VERSION, package: Cognova.Build $VERSION, PostgreSQL: $PG_DESC
- \`dotnet publish -nodeReuse:false -p:CognovaBundle=true\` after a source change (ms):$PUBLISH_ON
- \`dotnet publish -nodeReuse:false -p:CognovaBundle=false\` after a source change (ms):$PUBLISH_OFF
- on minus off, run by run (ms):$EXTRA_RUNS
- \`dotnet ef migrations bundle --force\` of the sample, its own build up to date (ms):$EF_BUNDLE
- applying $MIGRATIONS migrations, our \`efbundle\` (ms):$APPLY_OURS
- applying $MIGRATIONS migrations, EF's bundle (ms):$APPLY_EF
- nothing pending, our \`efbundle\` (ms):$NOOP_OURS
- nothing pending, EF's bundle (ms):$NOOP_EF
- bundle files, $MIGRATIONS-migration project: ours $OURS_BYTES bytes, EF's $EFS_BYTES bytes
- applying the $REAL_MIGRATIONS real-style migrations (bench/real-history/), our \`efbundle\` (ms):$REAL_APPLY_OURS
- applying the $REAL_MIGRATIONS real-style migrations, EF's bundle (ms):$REAL_APPLY_EF
- the real-style history's lock: $REAL_MIGRATIONS migrations, approved findings: ${REAL_APPROVED_CODES:-none}
- total wall time: ${WALL_S} s; load average (1, 5, 15 min) at the start: ${LOAD_START:-?}, at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')

Where the bundle's share of the publish goes: one more \`dotnet publish -p:CognovaBundle=true -clp:PerformanceSummary\` after a source change (${PUBLISH_SUMMARY_MS} ms, not timed above), MSBuild's target times for Cognova's targets, the compile and the restore:

\`\`\`
$PUBLISH_TARGETS
\`\`\`

Our \`efbundle --verbose --no-color\`, $MIGRATIONS migrations on a fresh database (milliseconds since the start, when each line arrived; EF Core's command, SQL, connection and transaction lines left out, the per-migration lines folded):

\`\`\`
$(condense <"$LOGS/verbose-ours-apply.out")
\`\`\`

The same with nothing pending:

\`\`\`
$(condense <"$LOGS/verbose-ours-noop.out")
\`\`\`

For comparison, EF's bundle with \`--verbose --no-color\`, the same two runs:

\`\`\`
$(condense <"$LOGS/verbose-ef-apply.out")
\`\`\`

\`\`\`
$(condense <"$LOGS/verbose-ef-noop.out")
\`\`\`
EOF

if [[ -n "$REAL_VERIFY_LINES" ]]; then
    cat <<EOF

Our \`efbundle --verbose --no-color\`, the $REAL_MIGRATIONS real-style migrations on a fresh database: its lines about checking the migrations against the lock, each with the line before it (milliseconds since the start):

\`\`\`
$REAL_VERIFY_LINES
\`\`\`
EOF
fi
