#!/usr/bin/env bash
# Stop what testbed/up.sh started in $TESTBED_DIR and undo its /etc/hosts entries (dockerd only
# if it started it). Each service gets SIGTERM, then up to 10 s to end, then SIGKILL; its pid
# file goes only once the process is gone, so the next up.sh never mistakes a stopping one for
# a healthy one.
DIR=${TESTBED_DIR:-/tmp/ensure-image-testbed}
GRACE=${TESTBED_STOP_GRACE:-10}

# Running: the pid exists and is no zombie (a killed child may stay unreaped for a while).
running() { ps -o stat= -p "$1" 2>/dev/null | grep -qv '^Z'; }

stop() { # name: TERM, wait, KILL, wait
  local name=$1 pid
  [ -f "$DIR/$name.pid" ] || return 0
  pid=$(cat "$DIR/$name.pid")
  if [ -n "$pid" ] && running "$pid"; then
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 $((GRACE * 10))); do running "$pid" || break; sleep 0.1; done
    if running "$pid"; then
      echo "$name (pid $pid) did not end within ${GRACE} s of SIGTERM: sending SIGKILL" >&2
      kill -KILL "$pid" 2>/dev/null
      for _ in $(seq 1 50); do running "$pid" || break; sleep 0.1; done
    fi
    if running "$pid"; then
      echo "$name (pid $pid) is still running after SIGKILL; keeping $DIR/$name.pid" >&2
      return 1
    fi
  fi
  rm -f "$DIR/$name.pid"
}

status=0
for name in buildkitd standin registry-ecr registry-oci registry-bearer dockerd; do stop "$name" || status=1; done
# The hosts entries are up.sh's (it writes env last): undo them only for a testbed it brought up.
if [ -f "$DIR/env" ]; then sed -i '/# ensure-image-testbed$/d' /etc/hosts; fi
echo "testbed down"
exit $status
