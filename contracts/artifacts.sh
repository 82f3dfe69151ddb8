#!/usr/bin/env bash
# The compiled contract that Java is generated from, committed in abi/.
#   artifacts.sh write   compile and (re)write abi/Lottery.abi.json and abi/Lottery.bin
#   artifacts.sh check   compile into a scratch folder and fail when abi/ differs from the source
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
forge="$here/../tools/node_modules/.bin/forge"
[ -x "$forge" ] || { echo "forge is not installed: run scripts/install-tools first" >&2; exit 1; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$here" && "$forge" build --quiet --out "$out/out" --cache-path "$out/cache" src)

extract() { # $1 = json file, $2 = destination folder
  node -e '
    const fs = require("fs");
    const artifact = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    fs.writeFileSync(process.argv[2] + "/Lottery.abi.json", JSON.stringify(artifact.abi, null, 2) + "\n");
    fs.writeFileSync(process.argv[2] + "/Lottery.bin", artifact.bytecode.object.replace(/^0x/, ""));
  ' "$1" "$2"
}

case "${1:-}" in
  write)
    extract "$out/out/Lottery.sol/Lottery.json" "$here/abi"
    echo "wrote $here/abi/Lottery.abi.json and Lottery.bin"
    ;;
  check)
    mkdir "$out/abi"
    extract "$out/out/Lottery.sol/Lottery.json" "$out/abi"
    if ! diff -q "$out/abi/Lottery.abi.json" "$here/abi/Lottery.abi.json" >/dev/null ||
      ! diff -q "$out/abi/Lottery.bin" "$here/abi/Lottery.bin" >/dev/null; then
      echo "contracts/abi/ no longer matches contracts/src: run contracts/artifacts.sh write and commit the result" >&2
      exit 1
    fi
    echo "contracts/abi/ matches contracts/src"
    ;;
  *)
    echo "usage: artifacts.sh write|check" >&2
    exit 2
    ;;
esac
