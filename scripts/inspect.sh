# ./vigil status, ./vigil logs and ./vigil stop: read what a running ./vigil up left in its state directory, from
# another terminal. Sourced by ./vigil (uses STATE, RUN, LOGS, SERVICES, log, die and processes.sh).

# health URL: UP (200), DOWN (503 or another answer), - (no answer)
health() {
  local code
  code=$(curl -s -m 2 -o /dev/null -w '%{http_code}' "$1" 2>/dev/null) || code=000
  case $code in 200) echo UP ;; 000) echo - ;; *) echo DOWN ;; esac
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# One line per unit: what the state file says, checked against the process and its health endpoints. A process that
# is gone is "down" (or "restarting" when the supervisor has already noticed), whatever the state file said.
status_line() { # unit
  local unit=$1 STATUS=stopped RESTARTS=0 PORT="" LAST_EXIT="" NEXT_TRY="" SINCE="" pid state readiness=- liveness=-
  [[ -f $RUN/$unit.state ]] && source "$RUN/$unit.state"
  pid=$(unit_pid "$unit")
  if [[ -n $pid ]]; then
    state=running
    if [[ -n $PORT && $unit != infra && $unit != agents ]]; then
      readiness=$(health "http://127.0.0.1:$PORT/q/health/ready")
      liveness=$(health "http://127.0.0.1:$PORT/q/health/live")
      [[ $readiness == UP ]] || state=starting
    fi
    [[ -n $supervisor ]] || state=orphaned
  elif [[ -n $supervisor && $STATUS == starting && ! -s $RUN/$unit.pid ]]; then
    state=starting # started a moment ago: its pid file is being written
  elif [[ -n $supervisor && $STATUS == restarting ]]; then
    state="restarting($((NEXT_TRY > $(date +%s) ? NEXT_TRY - $(date +%s) : 0))s)" # one word: scripts split the table on blanks
  elif [[ -n $supervisor && $STATUS == exited ]]; then
    state="exited($LAST_EXIT)"
  elif [[ -n $supervisor && $STATUS != stopped ]]; then
    state=down
  else
    state=stopped
  fi
  printf '%-20s %-6s %-8s %-16s %-6s %-6s %s\n' "$unit" "${PORT:--}" "${pid:--}" "$state" "$readiness" "$liveness" \
    "$RESTARTS"
}

# Kafka and PostgreSQL: the processes LocalStack started, open or not on their ports. (status_line and server_line
# see cmd_status's "supervisor": the pid of the running ./vigil up, empty if none.)
server_line() { # name
  local name=$1 PORT="" STATUS="" pid="" kind open=- state=stopped
  [[ -f $RUN/$name.state ]] && source "$RUN/$name.state"
  read -r kind pid < <(infra_server_pids | grep "^$name " | head -n 1) || true
  if [[ -n $pid ]]; then
    state=running
    port_open "$PORT" && open=UP || open=DOWN
  elif [[ -n $supervisor ]]; then
    state=down
  fi
  printf '%-20s %-6s %-8s %-16s %-6s %-6s %s\n' "$name" "${PORT:--}" "${pid:--}" "$state" "$open" "$open" -
}

# ./vigil status: exit status 0 when ./vigil up runs and every service is ready, 3 otherwise
cmd_status() {
  local supervisor unit all_ready=1 line
  supervisor=$(unit_pid vigil)
  if [[ -n $supervisor ]]; then
    echo "./vigil up is running (pid $supervisor), state in $STATE"
  else
    echo "./vigil up is not running (state in $STATE)"
    all_ready=0
  fi
  printf '%-20s %-6s %-8s %-16s %-6s %-6s %s\n' UNIT PORT PID STATE READY LIVE RESTARTS
  [[ -f $RUN/kafka.state ]] && server_line kafka
  [[ -f $RUN/postgresql.state ]] && server_line postgresql
  for unit in infra "${SERVICES[@]}" agents; do
    [[ -f $RUN/$unit.state || -f $RUN/$unit.pid ]] || continue
    line=$(status_line "$unit")
    echo "$line"
    if [[ $unit != infra && $unit != agents ]] && [[ $(awk '{print $5}' <<<"$line") != UP ]]; then
      all_ready=0
    fi
  done
  ((all_ready)) || return 3
}

# ./vigil logs NAME [--no-follow]: the last lines of a log, then follows it (across restarts)
cmd_logs() {
  local name=${1:-} follow=-F
  [[ ${2:-} == --no-follow ]] && follow=""
  if [[ -z $name || ! -f $LOGS/$name.log ]]; then
    local names
    names=$(cd "$LOGS" 2>/dev/null && ls -- *.log 2>/dev/null | sed 's/\.log$//' | tr '\n' ' ')
    die "usage: ./vigil logs NAME [--no-follow]; NAME one of: ${names:-none yet (no ./vigil up has run in $STATE)}"
  fi
  exec tail -n 50 $follow "$LOGS/$name.log"
}

# ./vigil stop: stops a running ./vigil up (which stops everything it started) and anything a killed one left behind
cmd_stop() {
  local pid deadline
  pid=$(unit_pid vigil)
  if [[ -n $pid ]]; then
    log "stopping ./vigil up (pid $pid)"
    kill -TERM "$pid"
    deadline=$((SECONDS + 150))
    while alive "$pid"; do
      ((SECONDS < deadline)) || die "./vigil up (pid $pid) still running after 150 s"
      sleep 0.5
    done
  else
    log "no ./vigil up is running (state in $STATE)"
  fi
  clean_stale
  log "everything is stopped"
}
