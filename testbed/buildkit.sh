# Sourced by testbed/up.sh (uses its DIR, ROOT, ECR_HOSTS, alive, start, wait_for): a BuildKit
# daemon on the host, what the `docker-container` builder gives hosted runners, reached through
# buildx's `remote` driver (that driver's privileged container cannot start on these machines).
# Only when the prebuilt tools are there (TESTBED_TOOLS, default ../shared/tools beside the clone):
# without them nothing starts and the tests that need it say "skipped".
TOOLS=${TESTBED_TOOLS:-$(cd "$ROOT/.." && pwd)/shared/tools}
BK=$DIR/buildkit
BUILDKIT_ADDR=""
if [ -x "$TOOLS/buildkitd" ] && [ -x "$TOOLS/buildctl" ]; then
  mkdir -p "$BK"
  {
    echo "root = \"$BK/state\""
    echo "[grpc]"
    echo "  address = [\"unix://$BK/buildkitd.sock\"]"
    echo "[worker.containerd]"
    echo "  enabled = false"
    echo "[worker.oci]"
    echo "  enabled = true"
    for r in 127.0.0.1:5000 127.0.0.1:5001 127.0.0.1:5002; do printf '[registry."%s"]\n  http = true\n' "$r"; done
    for h in $ECR_HOSTS; do printf '[registry."%s"]\n  ca = ["%s"]\n' "$h" "$DIR/ca.crt"; done
  } > "$BK/buildkitd.toml"
  # A socket left by a daemon that died would make the new one fail to listen.
  alive buildkitd || rm -f "$BK/buildkitd.sock"
  start buildkitd "$TOOLS/buildkitd" --config "$BK/buildkitd.toml"
  wait_for buildkitd "$TOOLS/buildctl" --addr "unix://$BK/buildkitd.sock" debug workers
  BUILDKIT_ADDR=unix://$BK/buildkitd.sock
else
  echo "testbed: no BuildKit daemon ($TOOLS has no buildkitd/buildctl): the BuildKit-daemon tests will be skipped" >&2
fi
