#!/usr/bin/env bash
# Installs code-server (VS Code 1.100 for the browser) from the npm registry into
# a cache folder, with no download from anywhere else, so the integration and UI
# tiers can run a real VS Code on a machine that cannot download VS Code itself.
#
# usage: install-code-server.sh DIR        env: CS_VERSION (default 4.100.3), FORCE=1
# Idempotent: returns at once when DIR already holds this version.
set -euo pipefail

DIR=${1:?usage: install-code-server.sh DIR}
CS_VERSION=${CS_VERSION:-4.100.3}
NODE_GYP_VERSION=12.4.0
say() { printf '[code-server] %s (%ss)\n' "$*" "$SECONDS"; }

if [ "$(node -p 'process.versions.node.split(".")[0]')" != 20 ]; then
  echo "code-server $CS_VERSION runs on Node 20; this is $(node -v)" >&2; exit 1
fi
if [ "${FORCE:-0}" != 1 ] && [ "$(cat "$DIR/.installed" 2>/dev/null)" = "$CS_VERSION" ] \
   && [ -f "$DIR/node_modules/code-server/out/node/entry.js" ]; then
  exit 0
fi
RG=$(command -v rg) || { echo "ripgrep (rg) is missing: apt-get install ripgrep" >&2; exit 1; }

# node-gyp must build against the local Node headers; without nodedir it would
# fetch them from nodejs.org, which this network cannot reach.
NODE_PREFIX=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
[ -f "$NODE_PREFIX/include/node/node.h" ] || { echo "Node headers missing under $NODE_PREFIX/include/node" >&2; exit 1; }
export npm_config_nodedir="$NODE_PREFIX"
# argon2 and kerberos try prebuilt binaries from GitHub first: build from source.
export npm_config_build_from_source=true
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
STRICT=()
if npm help install-scripts >/dev/null 2>&1; then STRICT=(--strict-allow-scripts); fi

# npm 11 runs dependency install scripts only when package.json allows them.
allow_scripts() {
  local file=$1; shift
  node -e '
    const fs = require("fs"); const [file, ...kv] = process.argv.slice(1);
    const p = JSON.parse(fs.readFileSync(file, "utf8"));
    p.allowScripts = { ...(p.allowScripts || {}), ...Object.fromEntries(kv.map((x) => { const i = x.lastIndexOf("="); return [x.slice(0, i), x.slice(i + 1) === "true"]; })) };
    fs.writeFileSync(file, JSON.stringify(p, null, 2) + "\n");' "$file" "$@"
}

rm -rf "$DIR"; mkdir -p "$DIR"; cd "$DIR"; DIR=$(pwd)
echo '{ "name": "code-server-host", "private": true }' > package.json

# code-server's own postinstall would re-run npm with scripts and let
# @vscode/ripgrep download from GitHub, so scripts are skipped and the steps
# are done here. node-gyp sits beside it because node-pty's build calls
# `npx node-gyp`, which must resolve locally (npm's yes=false forbids a fetch).
say "npm install code-server@$CS_VERSION"
npm install --no-audit --no-fund --ignore-scripts --save-exact "code-server@$CS_VERSION" "node-gyp@$NODE_GYP_VERSION" >npm-install.log 2>&1 \
  || { tail -30 npm-install.log; exit 1; }
allow_scripts package.json argon2=true code-server=false
npm rebuild argon2 "${STRICT[@]}" --foreground-scripts >rebuild-argon2.log 2>&1 || { tail -30 rebuild-argon2.log; exit 1; }

VS="$DIR/node_modules/code-server/lib/vscode"
cd "$VS"
say "npm install (VS Code server dependencies)"
npm install --omit=dev --ignore-scripts --no-audit --no-fund >"$DIR/npm-vscode.log" 2>&1 || { tail -30 "$DIR/npm-vscode.log"; exit 1; }
mkdir -p node_modules/@vscode/ripgrep/bin && ln -sfn "$RG" node_modules/@vscode/ripgrep/bin/rg
allow_scripts package.json node-pty=true @parcel/watcher=true @vscode/spdlog=true kerberos=true \
  native-watchdog=true @vscode/deviceid=true @vscode/ripgrep=true \
  @vscode/windows-process-tree=false @vscode/windows-registry=false
say "building native modules"
npm rebuild "${STRICT[@]}" --foreground-scripts >"$DIR/rebuild-vscode.log" 2>&1 || { tail -40 "$DIR/rebuild-vscode.log"; exit 1; }
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
cd extensions
npm install --omit=dev --ignore-scripts --no-audit --no-fund >"$DIR/npm-extensions.log" 2>&1 || { tail -30 "$DIR/npm-extensions.log"; exit 1; }
node ./postinstall.mjs >/dev/null

cd "$VS"
node -e 'for (const m of ["node-pty", "@parcel/watcher", "@vscode/spdlog", "kerberos", "native-watchdog"]) require(m)'
(cd "$DIR" && node -e 'require("argon2")')
node "$DIR/node_modules/code-server/out/node/entry.js" --version >/dev/null
echo "$CS_VERSION" > "$DIR/.installed"
say "installed in $DIR ($(du -sh "$DIR" | cut -f1))"
