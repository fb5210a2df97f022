#!/usr/bin/env bash
# rtmp4j vs nginx-rtmp, side by side on loopback (issue 5). See BENCHMARKS.md.
#
#   bench/compare.sh                       every scenario, both servers, one table at the end
#   bench/compare.sh --scenarios "fanout latejoin" --counts "500 2000" --duration 15 --repeat 3
#
# Scenarios (each server runs each one on a fresh process, nginx-rtmp first, then rtmp4j; every
# scenario starts with an unmeasured --warmup of 500 players (ingest: the publishers) for --warmup s,
# so that rtmp4j's JIT has compiled its hot paths, and fan-out counts run one after the other on that
# process):
#   fanout    1 ffmpeg -re publisher (720p30 H.264+AAC, ~2.7 Mbit/s) -> N players, N in --counts;
#             the measuring window (--duration s) opens --settle s after the last player connected;
#             players connect at --connect-rate per second (200: nginx-rtmp's listen backlog is a
#             fixed 511, and faster arrivals overflow it while its single worker is busy sending)
#   maxplayers  same publisher; players added in steps of --step from --step-start until a step does
#             not keep up (every player receiving, p99 lag <= 500 ms); reports the last count that did
#   ingest    200 publishers (the load generator) of a ~500 kbit/s FLV, paced in real time, no players
#   latejoin  same publisher; --late-players players join one by one (2/s) while it runs; time from
#             play to the first video keyframe (rtmp4j: GOP cache on, its default)
#
# For each run: CPU time of the server (utime+stime from /proc/PID/stat; nginx: master+worker), peak
# RSS (VmHWM; nginx: the worker), and the load generator's figures. rtmp4j runs with the JVM options
# ./rtmp4j uses by default (read from the launcher; RTMP4J_JAVA_OPTS from the environment is not
# used); --jfr adds a JFR recording to them; --rtmp4j-args "..." adds serve options (e.g.
# "--io-period-ms 0" to measure without event-loop pacing).
# --fifo runs the servers, the publisher and the load generator under SCHED_FIFO (chrt -f 10, needs
# root): on a machine shared with other work, the measured processes then get the CPU whenever they
# are runnable, instead of a share of it that depends on the other load; both servers alike.
# Loopback only; every process it starts is stopped on exit; bounded by per-run timeouts.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scenarios="fanout maxplayers ingest latejoin"
counts="500 1000 2000"
duration=15
settle=5
warmup=20
connect_rate=200
repeat=1
step_start=1000
step=1000
step_max=6000
step_seconds=10
late_players=20
ingest_publishers=200
build=1
jfr=0
fifo=0
rtmp4j_args=""
while [ $# -gt 0 ]; do
  case "$1" in
    --scenarios) scenarios="$2"; shift 2 ;;
    --counts) counts="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --settle) settle="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --connect-rate) connect_rate="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --step-start) step_start="$2"; shift 2 ;;
    --step) step="$2"; shift 2 ;;
    --step-max) step_max="$2"; shift 2 ;;
    --step-seconds) step_seconds="$2"; shift 2 ;;
    --late-players) late_players="$2"; shift 2 ;;
    --ingest-publishers) ingest_publishers="$2"; shift 2 ;;
    --servers) servers="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --jfr) jfr=1; shift ;;
    --fifo) fifo=1; shift ;;
    --rtmp4j-args) rtmp4j_args="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
: "${servers:=nginx rtmp4j}"
rt=""
if [ "$fifo" = 1 ]; then
  command -v chrt > /dev/null && chrt -f 10 true 2> /dev/null || { echo "--fifo needs chrt and the right to use SCHED_FIFO (root)" >&2; exit 2; }
  rt="chrt -f 10"
fi

cache="$root/bench/.cache"
work="$(mktemp -d /tmp/rtmp4j-compare.XXXXXX)"
results="$work/results.tsv"
pids=()

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

cleanup() {
  local p
  for p in "${pids[@]}"; do
    kill "$p" 2>/dev/null || true
  done
  sleep 0.5
  for p in "${pids[@]}"; do
    kill -9 "$p" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- build and inputs ---------------------------------------------------------------------------
if [ "$build" = 1 ]; then
  log "building rtmp4j-cli and rtmp4j-bench (tests skipped)"
  (cd "$root" && mvn -q -B -o -pl rtmp4j-cli,rtmp4j-bench -am package -DskipTests) >&2
fi
jar="$root/rtmp4j-bench/target/benchmarks.jar"
[ -f "$jar" ] && [ -f "$root/rtmp4j-cli/target/rtmp4j.jar" ] || { echo "build first (drop --no-build)" >&2; exit 1; }

mkdir -p "$cache"
hd="$cache/stream720p.flv"
low="$cache/stream500k.flv"
if [ ! -f "$hd" ]; then
  log "generating $hd (90 s, 1280x720 30 fps H.264 2550k CBR + AAC 128k)"
  ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi -i testsrc2=size=1280x720:rate=30 \
    -f lavfi -i sine=frequency=440:sample_rate=44100 -t 90 -c:v libx264 -preset veryfast -profile:v high \
    -pix_fmt yuv420p -g 60 -keyint_min 60 -sc_threshold 0 -b:v 2550k -minrate 2550k -maxrate 2550k \
    -bufsize 2550k -x264-params nal-hrd=cbr -c:a aac -b:a 128k -ac 2 -f flv "$hd.tmp"
  mv "$hd.tmp" "$hd"
fi
if [ ! -f "$low" ]; then
  log "generating $low (60 s, 640x360 30 fps H.264 404k CBR + AAC 96k)"
  ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi -i testsrc2=size=640x360:rate=30 \
    -f lavfi -i sine=frequency=440:sample_rate=44100 -t 60 -c:v libx264 -preset veryfast \
    -pix_fmt yuv420p -g 60 -keyint_min 60 -sc_threshold 0 -b:v 404k -minrate 404k -maxrate 404k \
    -bufsize 404k -x264-params nal-hrd=cbr -c:a aac -b:a 96k -ac 2 -f flv "$low.tmp"
  mv "$low.tmp" "$low"
fi

# ---- helpers ------------------------------------------------------------------------------------
tck=$(getconf CLK_TCK)

free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$((20000 + RANDOM % 20000))
    if ! ss -Hltn "sport = :$p" | grep -q .; then echo "$p"; return; fi
  done
  echo "no free port" >&2; exit 1
}

wait_listen() { # port pid
  for _ in $(seq 1 300); do
    ss -Hltn "sport = :$1" | grep -q . && return 0
    kill -0 "$2" 2>/dev/null || { echo "server exited before listening" >&2; return 1; }
    sleep 0.1
  done
  echo "server did not listen on $1" >&2; return 1
}

cpu_ticks() { # pids...: utime+stime (fields 14, 15 of /proc/PID/stat)
  local total=0 p t
  for p in "$@"; do
    t=$(sed 's/^.*) //' "/proc/$p/stat" | awk '{print $12 + $13}')
    total=$((total + t))
  done
  echo "$total"
}

hwm_kb() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; }

server_pids=()   # processes whose CPU counts
rss_pid=""       # process whose VmHWM counts
server_pid=""

start_server() { # kind port
  local kind=$1 port=$2
  if [ "$kind" = nginx ]; then
    local dir="$work/nginx-$port"
    mkdir -p "$dir/logs"
    cat > "$dir/nginx.conf" <<EOF
load_module /usr/lib/nginx/modules/ngx_rtmp_module.so;
daemon off;
master_process on;
worker_processes 1;
worker_rlimit_nofile 30000;
user root;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 30000; }
rtmp {
  server {
    listen 127.0.0.1:$port;
    chunk_size 4096;
    application live { live on; }
  }
}
EOF
    $rt nginx -p "$dir/" -c "$dir/nginx.conf" > "$dir/logs/stdout.log" 2>&1 &
    server_pid=$!
    pids+=("$server_pid")
    wait_listen "$port" "$server_pid"
    local worker
    worker=$(pgrep -P "$server_pid" | head -1)
    server_pids=("$server_pid" "$worker")
    rss_pid=$worker
  else
    # the JVM options ./rtmp4j uses by default, read from the launcher; the jar is started directly
    # so that the launcher's rebuild-if-stale check cannot run inside a measurement
    local opts
    opts=$(sed -n 's/.*RTMP4J_JAVA_OPTS:=\(.*\)}".*/\1/p' "$root/rtmp4j")
    [ -n "$opts" ] || { echo "cannot read the default JVM options from ./rtmp4j" >&2; exit 1; }
    if [ "$jfr" = 1 ]; then
      opts="$opts -XX:StartFlightRecording=filename=$work/rtmp4j-$port.jfr,settings=profile"
    fi
    # shellcheck disable=SC2086
    # shellcheck disable=SC2086
    $rt java $opts -jar "$root/rtmp4j-cli/target/rtmp4j.jar" serve --bind 127.0.0.1 --rtmp-port "$port" $rtmp4j_args \
      > "$work/rtmp4j-$port.log" 2>&1 &
    server_pid=$!
    pids+=("$server_pid")
    wait_listen "$port" "$server_pid"
    server_pids=("$server_pid")
    rss_pid=$server_pid
  fi
}

stop_pid() {
  kill "$1" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}

publisher_pid=""
start_publisher() { # port
  $rt ffmpeg -nostdin -hide_banner -loglevel error -re -stream_loop -1 -i "$hd" -c copy -f flv \
    "rtmp://127.0.0.1:$1/live/s" > "$work/ffmpeg-$1.log" 2>&1 &
  publisher_pid=$!
  pids+=("$publisher_pid")
}

loadgen() { # timeout args...
  local t=$1; shift
  local spids
  spids=$(IFS=,; echo "${server_pids[*]}")
  timeout "$t" $rt /usr/bin/time -f "LOADGEN_CPU %U %S" java -Xms1g -Xmx1g -Xmn700m -XX:+UseSerialGC -cp "$jar" \
    io.rtmp4j.bench.load.LoadGenerator --quiet --server-pids "$spids" --connect-rate "$connect_rate" "$@"
}

field() { # name line
  echo "$2" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k {print $2}'
}

# the load of one scenario: scenario param port [out-name-suffix]
run_load() {
  local scen=$1 param=$2 port=$3 out=$4
  case "$scen" in
    fanout)
      loadgen $((duration + settle + 120)) --url "rtmp://127.0.0.1:$port/live/s" --connections "$param" \
        --settle "$settle" --duration "$duration" > "$out" 2>&1 || true ;;
    maxplayers)
      loadgen 600 --url "rtmp://127.0.0.1:$port/live/s" --connections "$step_start" --step "$step" \
        --max-connections "$step_max" --duration "$step_seconds" > "$out" 2>&1 || true ;;
    ingest)
      loadgen $((duration + settle + 120)) --mode publish --file "$low" --url "rtmp://127.0.0.1:$port/live/$5" \
        --connections "$param" --connect-rate 100 --settle "$settle" --duration "$duration" > "$out" 2>&1 || true ;;
    latejoin)
      loadgen 120 --url "rtmp://127.0.0.1:$port/live/s" --connections "$param" --connect-rate 2 --poll-ms 1 \
        --duration 2 > "$out" 2>&1 || true ;;
  esac
}

# one scenario on one fresh server process: kind scenario params...
# A warm-up load runs first (not measured: the JVM's JIT compiles the hot paths in its first tens of
# seconds, which a long-running server has behind it); then each param is measured in turn on the
# same process, so VmHWM after a run is the peak up to that run (params increase).
run_group() {
  local kind=$1 scen=$2 port loadavg cpu0 cpu1 rss out result param
  shift 2
  port=$(free_port)
  log "$scen on $kind (port $port): start"
  start_server "$kind" "$port"
  case "$scen" in
    fanout|maxplayers|latejoin)
      start_publisher "$port"
      sleep 5 ;;
  esac
  if [ "$warmup" -gt 0 ]; then
    log "$scen on $kind: warm-up ($warmup s)"
    case "$scen" in
      ingest)
        loadgen $((warmup + 120)) --mode publish --file "$low" --url "rtmp://127.0.0.1:$port/live/warm" \
          --connections "$ingest_publishers" --connect-rate 100 --settle 0 --duration "$warmup" \
          > "$work/$kind-$scen-warmup-$port.out" 2>&1 || true ;;
      *)
        loadgen $((warmup + 120)) --url "rtmp://127.0.0.1:$port/live/s" --connections 500 --settle 0 \
          --duration "$warmup" > "$work/$kind-$scen-warmup-$port.out" 2>&1 || true ;;
    esac
  fi
  for param in "$@"; do
    loadavg=$(cut -d' ' -f1 /proc/loadavg)
    log "$scen $param on $kind (load average $loadavg)"
    out="$work/$kind-$scen-$param-$port.out"
    cpu0=$(cpu_ticks "${server_pids[@]}")
    run_load "$scen" "$param" "$port" "$out" "in"
    cpu1=$(cpu_ticks "${server_pids[@]}")
    rss=$(hwm_kb "$rss_pid")
    result=$(grep '^RESULT' "$out" | tail -1 || true)
    if [ -z "$result" ]; then
      log "no RESULT from the load generator, see $out"
      result="RESULT connections=0"
    fi
    local lg cpu
    lg=$(awk '/^LOADGEN_CPU/ {printf "%.1f", $2 + $3}' "$out")
    result="$result loadgen_cpu_s=${lg:-0} clk_tck=$tck"
    cpu=$(awk -v a="$cpu0" -v b="$cpu1" -v t="$tck" 'BEGIN {printf "%.2f", (b - a) / t}')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scen" "$param" "$kind" "$cpu" "$rss" "$loadavg" "$result" >> "$results"
    sleep 2
  done
  [ -n "$publisher_pid" ] && stop_pid "$publisher_pid"
  publisher_pid=""
  stop_pid "$server_pid"
}

# ---- the runs ----------------------------------------------------------------------------------
log "rtmp4j JVM options (./rtmp4j defaults): $(sed -n 's/.*RTMP4J_JAVA_OPTS:=\(.*\)}".*/\1/p' "$root/rtmp4j")"
log "work dir $work; machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for scen in $scenarios; do
  case "$scen" in
    fanout) params="$counts" ;;
    maxplayers) params="$step_start" ;;
    ingest) params="$ingest_publishers" ;;
    latejoin) params="$late_players" ;;
    *) echo "unknown scenario $scen" >&2; exit 2 ;;
  esac
  for _ in $(seq 1 "$repeat"); do
    for kind in $servers; do
      # shellcheck disable=SC2086
      run_group "$kind" "$scen" $params
    done
  done
done

python3 "$root/bench/table.py" "$results"
log "logs and raw results in $work"
