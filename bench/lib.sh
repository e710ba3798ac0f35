#!/usr/bin/env bash
# Helpers shared by the bench scripts (sourced, not run): the build environment, failing with the end
# of the logs, timing a command into a log, medians and ratios for the tables, removing the packages a
# run put into the NuGet global packages folder.

# One MSBuild process per build, nothing left running afterwards (also for the msbuild that dotnet-ef
# starts), and no compiler server left behind: every compile starts csc afresh.
export DOTNET_CLI_USE_MSBUILD_SERVER=0
export MSBUILDDISABLENODEREUSE=1
export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export UseSharedCompilation=false
# No spare design host (CognovaSpareHost) left waiting after a bench; bench/edit-build.sh, which measures the build
# a developer gets, turns it back on.
export CognovaSpareHost=false

# remove_bench_packages: the $VERSION of Cognova.Build and Cognova.Migrations from $GLOBAL_PACKAGES.
remove_bench_packages() {
    local id
    for id in cognova.build cognova.migrations; do
        if [[ -n "$GLOBAL_PACKAGES" && -d "$GLOBAL_PACKAGES/$id/$VERSION" ]]; then
            rm -rf "${GLOBAL_PACKAGES:?}/$id/$VERSION"
            rmdir "$GLOBAL_PACKAGES/$id" 2>/dev/null || true
        fi
    done
}

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

# wait_for_images FOLDER: waits until the image worker that the first design hosts started has made the images of
# EF Core, its provider and Npgsql in FOLDER (CognovaReadyToRunCache) and is done; prints what it made.
wait_for_images() {
    local images=$1 dir name missing deadline=$(($(date +%s) + 300))
    while :; do
        dir="$(compgen -G "$images/net*-*" | head -n 1 || true)"
        missing=0
        for name in Microsoft.EntityFrameworkCore Microsoft.EntityFrameworkCore.Relational Npgsql Npgsql.EntityFrameworkCore.PostgreSQL; do
            [[ -n "$dir" ]] && compgen -G "$dir/$name/*/$name.dll" >/dev/null || missing=1
        done
        if [[ $missing -eq 0 && ! -e "$dir/.compile.lock" ]]; then
            awk '/compiled in/ { n++; t += $(NF - 1) } END { print "images ready: " n " made, " t " ms of compiler time" }' "$dir/compile.log"
            return
        fi
        (($(date +%s) < deadline)) || die "no precompiled images in $images after 5 minutes" "${dir:-$images}/compile.log"
        sleep 1
    done
}

# settle_spare_hosts: waits until the spare design hosts this bench's builds started (CognovaSpareHost; their
# command lines name files under $TMP) have finished warming up: their CPU time has not moved for 300 ms, 15 s at
# most. A developer's next build comes after an edit; the bench builds back to back, and a warm-up still running
# would slow the next timed build, on whichever side.
settle_spare_hosts() {
    local before after deadline=$((SECONDS + 15))
    before=$(spare_host_ticks)
    while ((SECONDS < deadline)); do
        sleep 0.3
        after=$(spare_host_ticks)
        [[ "$after" == "$before" ]] && return 0
        before=$after
    done
}

# spare_host_ticks: the CPU time (clock ticks) of this bench's spare design hosts so far, with their ids.
spare_host_ticks() {
    local pid total=""
    local -a stat
    for pid in $(pgrep -f -- "spare-host $TMP/" || true); do
        read -r -a stat <"/proc/$pid/stat" 2>/dev/null || continue
        total="$total $pid:$((stat[13] + stat[14]))"
    done
    echo "$total"
}

# stop_spare_hosts: ends the spare design hosts this bench's builds left waiting.
stop_spare_hosts() {
    pkill -f -- "spare-host $TMP/" 2>/dev/null || true
}
