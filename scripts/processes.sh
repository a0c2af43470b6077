# Processes of ./vigil up: pid files, telling a live process of ours from a reused pid, stopping them, cleaning up
# after a run that was killed, and checking that the ports are free. Sourced by ./vigil (uses STATE, RUN, ROOT, log).

# alive PID: the process exists and is not a zombie (a dead child not yet reaped still answers kill -0)
alive() {
  local pid=$1 _ state
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  read -r _ _ state _ 2>/dev/null <"/proc/$pid/stat" || return 1
  [[ $state != Z ]]
}

# What the command line of each unit contains, so that a pid file never makes us signal a stranger's process.
unit_marker() {
  case $1 in
    vigil) echo "vigil up" ;;
    infra) echo "io.vigil.testkit.LocalStack" ;;
    agents) echo "agent-simulator.jar" ;;
    kafka) echo "kafka.Kafka" ;;
    postgresql) echo "postgres" ;;
    *) echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar" ;;
  esac
}

# ours UNIT PID: PID is alive and its command line is the unit's
ours() {
  alive "$2" && tr '\0' ' ' 2>/dev/null <"/proc/$2/cmdline" | grep -qF -- "$(unit_marker "$1")"
}

# unit_pid UNIT: the pid in the unit's pid file if that process is still the unit's, else nothing
unit_pid() {
  local pid
  pid=$(head -n 1 "$RUN/$1.pid" 2>/dev/null) || return 0
  ours "$1" "$pid" && echo "$pid"
  return 0
}

# The servers LocalStack started (a child JVM for Kafka, PostgreSQL's postmaster), found by the pid files they keep
# in their data directories: they outlive a LocalStack that was killed with SIGKILL.
infra_server_pids() { # prints "name pid" lines
  local dir pid
  for dir in "$STATE" "$STATE/secured"; do
    pid=$(head -n 1 "$dir/kafka/kafka.pid" 2>/dev/null) && ours kafka "$pid" && echo "kafka $pid"
    pid=$(head -n 1 "$dir/postgres/postmaster.pid" 2>/dev/null) && ours postgresql "$pid" && echo "postgresql $pid"
  done
  return 0
}

# terminate SIGNAL SECONDS PID...: sends SIGNAL, waits up to SECONDS for every PID to exit, then SIGKILL
terminate() {
  local signal=$1 seconds=$2 deadline=$((SECONDS + $2)) pid waiting
  shift 2
  (($#)) || return 0
  kill "-$signal" "$@" 2>/dev/null || true
  while true; do
    waiting=()
    for pid in "$@"; do alive "$pid" && waiting+=("$pid"); done
    ((${#waiting[@]})) || return 0
    if ((SECONDS >= deadline)); then
      log "still running after $seconds s, killing: ${waiting[*]}"
      kill -KILL "${waiting[@]}" 2>/dev/null || true
      return 0
    fi
    sleep 0.3
  done
}

# Stops what a ./vigil up that was killed (kill -9, a closed terminal) left running: its services and demo fleet,
# then LocalStack (which stops Kafka and PostgreSQL cleanly), then a Kafka or PostgreSQL whose LocalStack is gone.
clean_stale() {
  local unit pid f found=0 pids=() name
  for f in "$RUN"/*.pid; do
    [[ -e $f ]] || continue
    unit=$(basename "$f" .pid)
    [[ $unit == vigil || $unit == infra ]] && continue
    pid=$(unit_pid "$unit")
    if [[ -n $pid ]]; then
      log "stopping $unit (pid $pid), left running by an earlier ./vigil up"
      pids+=("$pid")
    fi
    rm -f "$f"
  done
  terminate TERM 30 "${pids[@]}"
  ((${#pids[@]})) && found=1
  pid=$(unit_pid infra)
  if [[ -n $pid ]]; then
    log "stopping Kafka and PostgreSQL (LocalStack pid $pid), left running by an earlier ./vigil up"
    terminate TERM 60 "$pid"
    found=1
  fi
  rm -f "$RUN/infra.pid"
  while read -r name pid; do
    [[ -n $pid ]] || continue
    log "stopping $name (pid $pid), left running by a LocalStack that was killed"
    # PostgreSQL: SIGINT is its fast shutdown (SIGTERM would wait for clients that are gone)
    if [[ $name == postgresql ]]; then terminate INT 30 "$pid"; else terminate TERM 30 "$pid"; fi
    found=1
  done < <(infra_server_pids)
  ((found)) && log "cleaned up after the earlier run"
  return 0
}

# check_port NAME PORT VARIABLE: dies with what holds PORT and how to get it back
check_port() {
  local name=$1 port=$2 variable=$3 holder
  if command -v ss >/dev/null; then
    holder=$(ss -Hltnp "sport = :$port" 2>/dev/null | head -n 1)
    [[ -z $holder ]] && return 0
    holder=$(grep -o 'users:(.*)' <<<"$holder" || true)
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || return 0
  fi
  local pid what=""
  pid=$(grep -o 'pid=[0-9]*' <<<"$holder" | head -n 1 | cut -d= -f2)
  [[ -n $pid ]] && what=" by pid $pid: $(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | cut -c1-160)"
  die "port $port ($name) is already in use${what:- (ss cannot tell by what)}.
  Stop that process (if it is another ./vigil up of this checkout: ./vigil stop), or give $name another port:
  $variable=PORT ./vigil up ..."
}
