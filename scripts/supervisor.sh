# The supervisor of ./vigil up: starts each unit (infra, the services, the demo fleet), restarts a unit that exits with
# a backoff of 1, 2, 4 ... 30 s, logs and counts each restart in its state file, and stops everything on SIGTERM or
# Ctrl-C. Sourced by ./vigil (uses STATE, RUN, LOGS, ROOT, log, die, the launch_* functions and processes.sh).
#
# State files, read by ./vigil status: $RUN/<unit>.pid (the pid) and $RUN/<unit>.state (shell assignments: STATE
# STATUS starting|running|restarting|exited|stopped, RESTARTS, SINCE, LAST_EXIT, PORT).

BACKOFF_MAX=30
STABLE_SECONDS=60 # a unit that ran this long starts again at 1 s of backoff when it next exits
declare -A PID=() BACKOFF=() NEXT_TRY=() STARTED=() RESTARTS=() LAST_EXIT=() PORT_OF=()
UNITS=()

write_state() { # unit state
  local unit=$1
  printf 'STATUS=%s\nRESTARTS=%s\nSINCE=%s\nLAST_EXIT=%s\nPORT=%s\nNEXT_TRY=%s\n' "$2" "${RESTARTS[$unit]:-0}" \
    "$(date +%s)" "${LAST_EXIT[$unit]:-}" "${PORT_OF[$unit]:-}" "${NEXT_TRY_EPOCH:-}" >"$RUN/$unit.state.tmp"
  mv -f "$RUN/$unit.state.tmp" "$RUN/$unit.state"
}

# start_unit UNIT: runs launch_UNIT (or launch_service UNIT) in the background, its output appended to its log
start_unit() {
  local unit=$1 log="$LOGS/$1.log"
  if [[ -n ${STARTED[$unit]:-} ]]; then
    printf '\n---- vigil: restart %d of %s at %s (it had exited with status %s) ----\n\n' "${RESTARTS[$unit]}" \
      "$unit" "$(date -u +%FT%TZ)" "${LAST_EXIT[$unit]}" >>"$log"
  else
    : >"$log"
    UNITS+=("$unit")
    BACKOFF[$unit]=1
  fi
  if declare -F "launch_$unit" >/dev/null; then "launch_$unit" >>"$log" 2>&1 &
  else launch_service "$unit" >>"$log" 2>&1 &
  fi
  PID[$unit]=$!
  STARTED[$unit]=$SECONDS
  write_state "$unit" starting
  echo "${PID[$unit]}" >"$RUN/$unit.pid.tmp"
  mv -f "$RUN/$unit.pid.tmp" "$RUN/$unit.pid"
}

# One round of supervision: notes the units that exited and restarts those whose backoff has passed.
supervise_once() {
  local unit pid code
  for unit in "${UNITS[@]}"; do
    pid=${PID[$unit]}
    if [[ -n $pid ]] && alive "$pid"; then
      ((SECONDS - STARTED[$unit] >= STABLE_SECONDS)) && BACKOFF[$unit]=1
      continue
    fi
    if [[ -n $pid ]]; then # it has just exited
      code=0
      wait "$pid" 2>/dev/null || code=$?
      PID[$unit]=""
      LAST_EXIT[$unit]=$code
      if ! restartable "$unit"; then
        log "$unit exited (status $code); it is not restarted (see $LOGS/$unit.log)"
        write_state "$unit" exited
        continue
      fi
      NEXT_TRY[$unit]=$((SECONDS + BACKOFF[$unit]))
      NEXT_TRY_EPOCH=$(($(date +%s) + BACKOFF[$unit])) write_state "$unit" restarting
      log "$unit exited (status $code); restarting in ${BACKOFF[$unit]} s (log: $LOGS/$unit.log)"
    elif [[ -n ${NEXT_TRY[$unit]:-} ]] && ((SECONDS >= NEXT_TRY[$unit])); then
      NEXT_TRY[$unit]=""
      RESTARTS[$unit]=$((${RESTARTS[$unit]:-0} + 1))
      BACKOFF[$unit]=$((BACKOFF[$unit] * 2 > BACKOFF_MAX ? BACKOFF_MAX : BACKOFF[$unit] * 2))
      log "restarting $unit (restart ${RESTARTS[$unit]})"
      before_restart "$unit"
      start_unit "$unit"
    fi
  done
}

# ready URL: the health endpoint answers 200
ready() { curl -fsS -m 2 -o /dev/null "$1" 2>/dev/null; }

# Marks a started unit running once its readiness answers (the state file then says so).
note_ready() { # unit url
  [[ -n ${PID[$1]} ]] && ready "$2" || return 1
  write_state "$1" running
}

# Stops every unit: the demo fleet and the services in reverse order of start (SIGTERM, then SIGKILL after 30 s),
# then the infrastructure (LocalStack stops Kafka and PostgreSQL cleanly).
stop_all() {
  trap - INT TERM EXIT
  log "stopping..."
  local unit pids=() i
  for ((i = ${#UNITS[@]} - 1; i >= 0; i--)); do
    unit=${UNITS[i]}
    [[ $unit == infra ]] && continue
    [[ -n ${PID[$unit]:-} ]] && alive "${PID[$unit]}" && pids+=("${PID[$unit]}")
  done
  terminate TERM 30 "${pids[@]}"
  [[ -n ${PID[infra]:-} ]] && alive "${PID[infra]}" && terminate TERM 60 "${PID[infra]}"
  before_restart infra # a Kafka or PostgreSQL that a failed LocalStack left behind
  for unit in "${UNITS[@]}"; do
    rm -f "$RUN/$unit.pid"
    write_state "$unit" stopped
  done
  rm -f "$RUN/vigil.pid"
  log "stopped"
}
