#!/usr/bin/env bash
# Summarises a JFR recording (e.g. from bench/compare.sh --jfr): where Java code ran (top frames of
# jdk.ExecutionSample), where threads sat in native code (jdk.NativeMethodSample), the hottest
# rtmp4j/Netty frames anywhere on the stack, GC and compilation totals.
#   bench/jfr-top.sh recording.jfr [N]
set -eu
jfr_file=$1
n=${2:-20}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
jfr print --events jdk.ExecutionSample "$jfr_file" > "$tmp/exec.txt"
jfr print --events jdk.NativeMethodSample "$jfr_file" > "$tmp/native.txt"

top_frames() { # file: first frame of every stack trace, counted
  grep -A1 'stackTrace = \[' "$1" | grep -v 'stackTrace = \[\|^--' | sed 's/line:.*//; s/^ *//' \
    | sort | uniq -c | sort -rn | head -"$n"
}
echo "== Java execution samples: $(grep -c 'jdk.ExecutionSample' "$tmp/exec.txt"), top frames (self)"
top_frames "$tmp/exec.txt"
echo
echo "== Java execution samples: rtmp4j / Netty / JDK frames anywhere on the stack (inclusive)"
awk '/stackTrace = \[/ {inst=1; delete seen; next} inst && /^\s*\]/ {inst=0; next}
     inst { f=$0; sub(/line:.*/, "", f); gsub(/^ +| +$/, "", f); if (!(f in seen)) {seen[f]=1; c[f]++} }
     END { for (f in c) print c[f], f }' "$tmp/exec.txt" | grep -E 'io\.rtmp4j|io\.netty' | sort -rn | head -"$n"
echo
echo "== native method samples: $(grep -c 'jdk.NativeMethodSample' "$tmp/native.txt"), top frames"
top_frames "$tmp/native.txt"
echo
echo "== GC and JIT"
jfr summary "$jfr_file" | grep -E 'jdk.GarbageCollection |jdk.Compilation |jdk.ExecutionSample|jdk.NativeMethodSample' || true
jfr print --events jdk.GarbageCollection "$jfr_file" | awk '/sumOfPauses/ {gsub(/ ms/,""); s+=$3} END {printf "GC pauses total: %.1f ms\n", s}'
jfr print --events jdk.Compilation "$jfr_file" | awk '/duration =/ {v=$3; u=$4; if (u=="ms") s+=v; else if (u=="s") s+=v*1000} END {printf "JIT compilations (recorded ones) total: %.0f ms\n", s}'
