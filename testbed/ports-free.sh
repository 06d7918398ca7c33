#!/usr/bin/env bash
# Exit 0 when no process listens on a testbed port (443, 5000, 5001, 5002, 4566), else name
# each port still held: what .ci/run checks after testbed/down.sh, so that no service outlives
# the testbed (a stand-in orphaned by down.sh held 4566 and 5002 before).
held=0
for port in 443 5000 5001 5002 4566; do
  hex=$(printf ':%04X' "$port")
  if awk -v p="$hex" '$4 == "0A" && substr($2, length($2) - 4) == p { found = 1 } END { exit !found }' /proc/net/tcp /proc/net/tcp6 2>/dev/null; then
    echo "testbed port $port is still held after testbed/down.sh" >&2
    held=1
  fi
done
exit $held
