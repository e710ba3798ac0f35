#!/usr/bin/env bash
# The TypeScript types' cost, on a generated project with 200 entities (one DbContext, each entity with a key,
# text, a timestamp, a decimal, an enum and a foreign key to the entity before):
#   1. the types step of one design-host run (describe the model, read the JSON contract, generate), from the
#      host's own step timings, and the whole host run with the types and the drift check;
#   2. a no-op dotnet build with CognovaTypeScriptOutput set vs the same project without it (both with the
#      SQL rules and the lock check on, so that both run the check's targets).
# Uses the targets from build/ and the engine built from src/ (CognovaUseRepoBuild), so it needs no pack.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
source "$REPO/bench/lib.sh"

RUNS=${BENCH_RUNS:-7}
ENTITIES=${BENCH_ENTITIES:-200}
WORK="$REPO/bench/.typescript-work"
LOGS="$WORK/logs"
rm -rf "$WORK"
mkdir -p "$LOGS"
log() { echo "[typescript] $*" >&2; }

# write_project DIR WITH_TYPES
write_project() {
    local dir=$1 types=$2
    mkdir -p "$dir"
    python3 - "$dir" "$ENTITIES" "$types" <<'PY'
import sys, pathlib
out, n, types = pathlib.Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "1"
prop = "    <CognovaTypeScriptOutput>web/db.types.ts</CognovaTypeScriptOutput>\n" if types else ""
(out / "Types200.csproj").write_text(f"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <CognovaUseRepoBuild>true</CognovaUseRepoBuild>
    <!-- No migrations: the drift check is off; the SQL rules and the lock check stay on in both copies, so the
         no-op builds differ only by the types. -->
    <CognovaDriftCheck>off</CognovaDriftCheck>
{prop}  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="10.0.3" />
    <PackageReference Include="Microsoft.EntityFrameworkCore.Design" Version="10.0.15" PrivateAssets="all" />
  </ItemGroup>
</Project>
""")
lines = ["using Microsoft.EntityFrameworkCore;", "", "namespace Types200;", "",
         "public enum Status { Draft, Active, Archived }", "",
         "public sealed class BenchContext : DbContext", "{",
         "    protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseNpgsql(\"Host=nowhere;Database=bench\");", ""]
for i in range(1, n + 1):
    lines.append(f"    public DbSet<Entity{i:03}> Entity{i:03} => Set<Entity{i:03}>();")
lines += ["", "    protected override void OnModelCreating(ModelBuilder modelBuilder)", "    {"]
for i in range(1, n + 1):
    lines.append(f"        modelBuilder.Entity<Entity{i:03}>().Property(e => e.Amount).HasPrecision(12, 2);")
    lines.append(f"        modelBuilder.Entity<Entity{i:03}>().Property(e => e.CreatedAt).HasDefaultValueSql(\"now()\");")
lines += ["    }", "}", ""]
for i in range(1, n + 1):
    lines += [f"public sealed class Entity{i:03}", "{", "    public int Id { get; set; }", "    public required string Name { get; set; }",
              "    public DateTimeOffset CreatedAt { get; set; }", "    public decimal Amount { get; set; }", "    public Status Status { get; set; }"]
    if i > 1:
        lines += [f"    public int? PreviousId {{ get; set; }}", f"    public Entity{i-1:03}? Previous {{ get; set; }}"]
    lines += ["}", ""]
lines += ["public static class Program", "{", "    public static void Main() { }", "}", ""]
(out / "Model.cs").write_text("\n".join(lines))
PY
}

log "generating $ENTITIES entities (with and without CognovaTypeScriptOutput)"
write_project "$WORK/with" 1
write_project "$WORK/without" 0

log "building both (the first build of with/ runs the host and writes the types)"
run_logged build-with dotnet build "$WORK/with" -c Release -p:CognovaVerbose=true
[[ $RC -eq 0 ]] || die "the build of with/ failed" "$LOGS/build-with.out" "$LOGS/build-with.err"
[[ -f "$WORK/with/web/db.types.ts" ]] || die "the build of with/ wrote no types" "$LOGS/build-with.out"
run_logged build-without dotnet build "$WORK/without" -c Release
[[ $RC -eq 0 ]] || die "the build of without/ failed" "$LOGS/build-without.out" "$LOGS/build-without.err"

# The command the task ran, from the verbose build log.
HOST_COMMAND=$(grep -m1 -o '/[^ ]*dotnet exec .*' "$LOGS/build-with.out" | sed 's/ *$//')
[[ -n "$HOST_COMMAND" ]] || die "the build log shows no host command" "$LOGS/build-with.out"

step_ms() { grep -o "$1: [0-9]* ms" "$2" | grep -o '[0-9]* ms' | grep -o '[0-9]*' | head -1; }

log "timing $RUNS host runs (the types; SQL rules and lock check with no migrations)"
generate=() types=() host=()
for i in $(seq 1 "$RUNS"); do
    rm -f "$WORK/with/web/db.types.ts"
    run_logged "host-$i" bash -c "$HOST_COMMAND"
    [[ $RC -eq 0 ]] || die "host run $i failed (exit $RC)" "$LOGS/host-$i.out" "$LOGS/host-$i.err"
    g=$(step_ms "generate TypeScript types" "$LOGS/host-$i.out")
    d=$(step_ms "describe BenchContext for the TypeScript types" "$LOGS/host-$i.out")
    c=$(step_ms "read the JSON contract" "$LOGS/host-$i.out")
    generate+=("$g")
    types+=("$((g + d + c))")
    host+=("$ELAPSED_MS")
done

log "timing $RUNS no-op builds of each, in turn"
# The host runs above rewrote the file: one build each first, so that the timed builds are no-ops.
run_logged warm-with dotnet build "$WORK/with" -c Release --no-restore
run_logged warm-without dotnet build "$WORK/without" -c Release --no-restore
with_ms=() without_ms=()
for i in $(seq 1 "$RUNS"); do
    run_logged "noop-with-$i" dotnet build "$WORK/with" -c Release --no-restore
    with_ms+=("$ELAPSED_MS")
    run_logged "noop-without-$i" dotnet build "$WORK/without" -c Release --no-restore
    without_ms+=("$ELAPSED_MS")
done
grep -q "dotnet exec" "$LOGS/noop-with-$RUNS.out" && die "a no-op build started the host" "$LOGS/noop-with-$RUNS.out"

G=$(echo "${generate[*]}" | median)
T=$(echo "${types[*]}" | median)
H=$(echo "${host[*]}" | median)
W=$(echo "${with_ms[*]}" | median)
O=$(echo "${without_ms[*]}" | median)

echo "| measurement ($ENTITIES entities, medians of $RUNS) | ms | baseline ms | ratio | target | met |"
echo "|---|---:|---:|---:|---:|:---:|"
echo "| generating the file (the generator alone) | $G | | | ≤ 1500 | $( [[ $G -le 1500 ]] && echo yes || echo '**no**') |"
echo "| the types step of a host run: describe the model + read the JSON contract + generate | $T | | | ≤ 1500 | $( [[ $T -le 1500 ]] && echo yes || echo '**no**') |"
echo "| the whole host run with the types (process start, load, create the context, types) | $H | | | | |"
echo "| no-op dotnet build, with CognovaTypeScriptOutput vs without | $W | $O | $(ratio "$W" "$O") | ≤ 1.02 | $(meets "$W" "$O" 1.02) |"
echo
echo "runs: generate ${generate[*]}; types step ${types[*]}; host ${host[*]}; no-op with ${with_ms[*]}; without ${without_ms[*]}"
[[ "${BENCH_KEEP:-0}" == "1" ]] || rm -rf "$WORK"
