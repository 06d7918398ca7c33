#!/usr/bin/env bash
# Start the testbed on loopback only (idempotent): dockerd with no bridge network, three real
# registries (docker-registry), and the ECR/STS stand-in. Writes $TESTBED_DIR/env, the
# variables that point the actions at it:  source "$TESTBED_DIR/env"
#
#  - 127.0.0.1:443  TLS, htpasswd, reachable as 123456789012.dkr.ecr.us-east-1.amazonaws.com,
#                   210987654321.dkr.ecr.us-east-1.amazonaws.com and public.ecr.aws (mapped
#                   to 127.0.0.1 in /etc/hosts, CA trusted by dockerd and by Node): "ECR".
#  - 127.0.0.1:5000 plain HTTP, htpasswd (Basic challenge): "any other registry".
#  - 127.0.0.1:5001 plain HTTP, token auth (Bearer challenge, tokens from the stand-in).
#  - 127.0.0.1:4566 the ECR / ECR Public / STS API stand-in, answering from :443.
#  - 127.0.0.1:5002 :5000 behind an "immutable repository" proxy (refuses re-pushing a tag).
#  - $TESTBED_DIR/buildkit/buildkitd.sock  a BuildKit daemon (testbed/buildkit.sh), when ../shared/tools has it.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${TESTBED_DIR:-/tmp/ensure-image-testbed}
mkdir -p "$DIR"
cd "$DIR"
[ "$(id -u)" = 0 ] || { echo "testbed/up.sh must run as root (it starts dockerd and edits /etc/hosts)" >&2; exit 1; }
for tool in dockerd docker-registry htpasswd openssl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: run testbed/install.sh first" >&2; exit 1; }
done

# Alive: the pid exists and is no zombie (a killed service may linger unreaped for a while).
alive() { [ -f "$DIR/$1.pid" ] && ps -o stat= -p "$(cat "$DIR/$1.pid")" 2>/dev/null | grep -qv '^Z'; }

# Who listens on a TCP port here: "pid command line", nothing when the port is free.
port_holder() {
  local hex inode fd pid
  if command -v ss >/dev/null; then # fast path: ss names the owner
    pid=$(ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2)
    if [ -n "$pid" ]; then echo "$pid ($(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | sed 's/ $//'))"; return 0; fi
  fi
  hex=$(printf '%04X' "$1")
  inode=$(awk -v p=":$hex\$" '$4 == "0A" && $2 ~ p { print $10; exit }' /proc/net/tcp /proc/net/tcp6 2>/dev/null)
  [ -n "$inode" ] || return 0
  for fd in /proc/[0-9]*/fd/*; do
    [ "$(readlink "$fd" 2>/dev/null)" = "socket:[$inode]" ] || continue
    pid=${fd#/proc/}; pid=${pid%%/*}
    echo "$pid ($(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | sed 's/ $//'))"
    return 0
  done
  echo "unknown (no visible process owns the socket)"
}
# Refuse a port that something other than this testbed's own service holds (a stale stand-in
# whose pid file is gone, another testbed, any other program): it would be taken for healthy.
own_port() { # name port
  local holder
  holder=$(port_holder "$2")
  [ -n "$holder" ] || return 0
  alive "$1" && [ "${holder%% *}" = "$(cat "$DIR/$1.pid")" ] && return 0
  echo "testbed/up.sh: port $2 (for $1) is held by pid $holder, which this testbed ($DIR) did not start; stop it (or run testbed/down.sh with the TESTBED_DIR that started it) and run up.sh again" >&2
  exit 1
}
# Before anything is written (certificates, /etc/hosts, pid files): every port is free or ours.
for svc in registry-ecr:443 registry-oci:5000 registry-bearer:5001 standin:4566 standin:5002; do own_port "${svc%%:*}" "${svc##*:}"; done

ECR_HOSTS="123456789012.dkr.ecr.us-east-1.amazonaws.com 210987654321.dkr.ecr.us-east-1.amazonaws.com public.ecr.aws"
ECR_PASSWORD=ecr-secret
OCI_USER=ci
OCI_PASSWORD=ci-secret

wait_for() { # name, command...: wait until the check passes
  local name=$1; shift
  for _ in $(seq 1 150); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "$name did not come up; its log:" >&2; tail -n 30 "$DIR/$name.log" >&2 || true; exit 1
}

# ---- certificates: a CA, the registry's server cert (all ECR names + 127.0.0.1), the token signer
if [ ! -f ca.crt ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=ensure-image testbed CA" -keyout ca.key -out ca.crt 2>/dev/null
  san="IP:127.0.0.1,DNS:localhost"; for h in $ECR_HOSTS; do san="$san,DNS:$h"; done
  openssl req -newkey rsa:2048 -nodes -subj "/CN=ecr.testbed" -keyout server.key -out server.csr 2>/dev/null
  printf 'subjectAltName=%s\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n' "$san" > server.ext
  openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 30 -extfile server.ext -out server.crt 2>/dev/null
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=ensure-image-standin" -keyout token.key -out token.crt 2>/dev/null
fi
for h in $ECR_HOSTS; do
  mkdir -p "/etc/docker/certs.d/$h"; cp ca.crt "/etc/docker/certs.d/$h/ca.crt"
  grep -q " $h # ensure-image-testbed" /etc/hosts || echo "127.0.0.1 $h # ensure-image-testbed" >> /etc/hosts
done

# ---- htpasswd users: AWS (what the ECR token decodes to) and a plain registry user
[ -f htpasswd ] || { htpasswd -Bbn AWS "$ECR_PASSWORD" > htpasswd; htpasswd -Bbn "$OCI_USER" "$OCI_PASSWORD" >> htpasswd; }

registry_config() { # name addr tls(0/1) auth(htpasswd|token)
  local name=$1 addr=$2 tls=$3 auth=$4
  mkdir -p "$DIR/storage-$name"
  {
    echo "version: 0.1"
    echo "log: {level: warn}"
    echo "storage: {filesystem: {rootdirectory: $DIR/storage-$name}, delete: {enabled: true}}"
    echo "http:"
    echo "  addr: $addr"
    if [ "$tls" = 1 ]; then echo "  tls: {certificate: $DIR/server.crt, key: $DIR/server.key}"; fi
    if [ "$auth" = htpasswd ]; then
      echo "auth: {htpasswd: {realm: testbed, path: $DIR/htpasswd}}"
    else
      echo "auth: {token: {realm: 'http://127.0.0.1:4566/token', service: testbed-registry, issuer: ensure-image-standin, rootcertbundle: $DIR/token.crt}}"
    fi
  } > "registry-$name.yml"
}

start() { # name, command... (in its own session, pid and log in $DIR)
  local name=$1; shift
  alive "$name" && return 0
  setsid nohup "$@" > "$DIR/$name.log" 2>&1 < /dev/null &
  echo $! > "$DIR/$name.pid"
}

# ---- docker engine: loopback only, no bridge network
if ! docker info >/dev/null 2>&1; then
  start dockerd dockerd --bridge=none --iptables=false --ip-masq=false --host=unix:///var/run/docker.sock
  wait_for dockerd docker info
fi

registry_config ecr 127.0.0.1:443 1 htpasswd
registry_config oci 127.0.0.1:5000 0 htpasswd
registry_config bearer 127.0.0.1:5001 0 token
start registry-ecr docker-registry serve "$DIR/registry-ecr.yml"
start registry-oci docker-registry serve "$DIR/registry-oci.yml"
start registry-bearer docker-registry serve "$DIR/registry-bearer.yml"

export STANDIN_PORT=4566 STANDIN_REGISTRY=https://123456789012.dkr.ecr.us-east-1.amazonaws.com
export STANDIN_REGISTRY_USER=AWS STANDIN_REGISTRY_PASSWORD=$ECR_PASSWORD STANDIN_ACCOUNT=123456789012
export STANDIN_REPOSITORIES=${STANDIN_REPOSITORIES:-app,cloudtak,events,app-lambda-light,alias/lambda-heavy}
export STANDIN_TOKEN_KEY=$DIR/token.key STANDIN_TOKEN_CERT=$DIR/token.crt STANDIN_TOKEN_USERS=$OCI_USER:$OCI_PASSWORD
export STANDIN_IMMUTABLE_PORT=5002 STANDIN_IMMUTABLE_UPSTREAM=http://127.0.0.1:5000
export NODE_EXTRA_CA_CERTS=$DIR/ca.crt
# The real node binary, not a wrapper: under `pnpm test`, `node` on PATH is node_modules/.bin/node,
# a shell script that runs node as its child, so its pid would not be the process that serves.
NODE_BIN=$(node -p process.execPath)
start standin "$NODE_BIN" "$ROOT/testbed/standin.mjs"

wait_for registry-ecr curl -fsS --cacert ca.crt -u "AWS:$ECR_PASSWORD" https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/
wait_for registry-oci curl -fsS -u "$OCI_USER:$OCI_PASSWORD" http://127.0.0.1:5000/v2/
wait_for registry-bearer sh -c 'curl -sS -o /dev/null -w "%{http_code}" http://127.0.0.1:5001/v2/ | grep -q 401'
wait_for standin curl -fsS http://127.0.0.1:4566/__health
. "$ROOT/testbed/buildkit.sh"

cat > env <<ENV
# Point the actions and tests at the testbed (source this file).
export AWS_ENDPOINT_URL_ECR=http://127.0.0.1:4566
export AWS_ENDPOINT_URL_ECR_PUBLIC=http://127.0.0.1:4566
export AWS_ENDPOINT_URL_STS=http://127.0.0.1:4566
export AWS_ACCESS_KEY_ID=AKIDTESTBED
export AWS_SECRET_ACCESS_KEY=testbed-secret
export AWS_REGION=us-east-1
export AWS_EC2_METADATA_DISABLED=true
export NODE_EXTRA_CA_CERTS=$DIR/ca.crt
export TESTBED_DIR=$DIR
export TESTBED_ECR_HOST=123456789012.dkr.ecr.us-east-1.amazonaws.com
export TESTBED_ECR_PASSWORD=$ECR_PASSWORD
export TESTBED_OCI_HOST=127.0.0.1:5000
export TESTBED_BEARER_HOST=127.0.0.1:5001
export TESTBED_OCI_USER=$OCI_USER
export TESTBED_OCI_PASSWORD=$OCI_PASSWORD
export TESTBED_STANDIN=http://127.0.0.1:4566
export TESTBED_IMMUTABLE_HOST=127.0.0.1:5002
export TESTBED_TOOLS=$TOOLS
export TESTBED_BUILDKIT_ADDR=$BUILDKIT_ADDR
ENV
echo "testbed up: ECR-shaped registry https://123456789012.dkr.ecr.us-east-1.amazonaws.com (127.0.0.1:443), registries 127.0.0.1:5000 (Basic) and :5001 (Bearer), ECR/STS stand-in http://127.0.0.1:4566"
echo "environment: source $DIR/env"
