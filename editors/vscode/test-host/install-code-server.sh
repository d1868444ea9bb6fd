#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3 in the browser; the last release that runs on Node 20) from npm into a
# cache outside the repository, once, and prints the path of its `code-server` command. For test-host/host.test.js.
#
# Its install scripts build native modules (kerberos needs Debian's libkrb5-dev) and let @vscode/ripgrep download rg
# from GitHub, which is out of reach here: that script first looks in its download cache under TMPDIR, so Debian's
# ripgrep is put there, packed as the asset it would have downloaded.
set -euo pipefail

version=4.100.3
cache=${REPORT_DSL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/report-dsl}
dest="$cache/code-server-$version"
command="$dest/node_modules/.bin/code-server"
if [ -f "$dest/.installed" ]; then
  echo "$command"
  exit 0
fi

missing=()
command -v krb5-config >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "install-code-server: installing ${missing[*]} from Debian" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "install-code-server: code-server needs ${missing[*]} (Debian packages) to install; install them first" >&2
    exit 1
  fi
fi

case "$(uname -m)" in
  x86_64) target=x86_64-unknown-linux-musl ;;
  aarch64) target=aarch64-unknown-linux-musl ;;
  *) echo "install-code-server: no ripgrep asset name known for $(uname -m)" >&2; exit 1 ;;
esac

mkdir -p "$cache"
work=$(mktemp -d "$cache/.code-server-$version-XXXXXX")
trap 'rm -rf "$work"' EXIT
log="$work/install.log"
echo "install-code-server: installing code-server $version into $dest (a minute or two, once)" >&2

fail() {
  tail -40 "$log" >&2
  echo "install-code-server: $1 (the log's end is above)" >&2
  exit 1
}

# first without scripts, to learn which @vscode/ripgrep code-server's own install will fetch
npm install --prefix "$work" --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$version" >"$log" 2>&1 \
  || fail "npm could not fetch code-server@$version"
ripgrep=$(node -p "require(process.argv[1]).packages['node_modules/@vscode/ripgrep'].version" \
  "$work/node_modules/code-server/lib/vscode/npm-shrinkwrap.json")
npm pack --pack-destination "$work" --loglevel=error "@vscode/ripgrep@$ripgrep" >>"$log" 2>&1 \
  || fail "npm could not fetch @vscode/ripgrep@$ripgrep"
tar -xzf "$work/vscode-ripgrep-$ripgrep.tgz" -C "$work" package/lib/postinstall.js
asset_version=$(sed -n "s/^const VERSION = '\(.*\)';/\1/p" "$work/package/lib/postinstall.js")
[ -n "$asset_version" ] || fail "no ripgrep VERSION in @vscode/ripgrep@$ripgrep's postinstall.js"
mkdir -p "$work/tmp/vscode-ripgrep-cache-$ripgrep" "$work/rg"
cp "$(command -v rg)" "$work/rg/rg"
tar -czf "$work/tmp/vscode-ripgrep-cache-$ripgrep/ripgrep-$asset_version-$target.tar.gz" -C "$work/rg" rg

# now the install scripts: argon2, code-server's postinstall (which npm-installs VS Code's modules and builds them),
# ripgrep from the cache above. unsafe_perm: code-server's script refuses root without it. yes: node-pty's script
# runs `npx node-gyp`, which would otherwise wait for a confirmation.
TMPDIR="$work/tmp" npm_config_unsafe_perm=true npm_config_yes=true \
  npm rebuild --prefix "$work" --foreground-scripts --no-audit --no-fund >>"$log" 2>&1 \
  || fail "code-server's install scripts failed"
"$work/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" --version >/dev/null \
  || fail "VS Code's ripgrep does not run"
XDG_CONFIG_HOME="$work/tmp" "$work/node_modules/.bin/code-server" --version >>"$log" 2>&1 \
  || fail "the installed code-server does not start"

rm -rf "$work/tmp" "$work/rg" "$work/package" "$work"/*.tgz "$dest"
mv "$work" "$dest"
trap - EXIT
touch "$dest/.installed"
echo "$command"
