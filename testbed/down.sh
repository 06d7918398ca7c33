#!/usr/bin/env bash
# Stop what testbed/up.sh started and undo its /etc/hosts entries (dockerd only if it started it).
DIR=${TESTBED_DIR:-/tmp/ensure-image-testbed}
for name in standin registry-ecr registry-oci registry-bearer dockerd; do
  [ -f "$DIR/$name.pid" ] && kill "$(cat "$DIR/$name.pid")" 2>/dev/null && rm -f "$DIR/$name.pid"
done
sed -i '/# ensure-image-testbed$/d' /etc/hosts
echo "testbed down"
