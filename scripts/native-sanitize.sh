#!/usr/bin/env bash
# Builds the native addon with AddressSanitizer and UndefinedBehaviorSanitizer into
# native/build/sanitize (the regular build is left alone) and runs the native tests against
# it. Node itself is not instrumented, so the ASan runtime is preloaded; leak checking is off
# because Node keeps much of its memory until exit.
#   npm run test:native-sanitize        (or: bash scripts/native-sanitize.sh [test files])
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/native/build/sanitize"
cxx="${CXX:-g++}"

rm -rf "$work"
mkdir -p "$work"
cp "$root/native/binding.gyp" "$work/"
ln -s "$root/native/src" "$work/src"

nodedir="$(dirname "$(dirname "$(command -v node)")")"
echo "[native-sanitize] building with -fsanitize=address,undefined (about a minute)"
(cd "$work" && TENSORBOOK_SANITIZE=1 node "$root/node_modules/node-gyp/bin/node-gyp.js" rebuild --jobs=2 \
  ${npm_config_nodedir:+--nodedir="$npm_config_nodedir"} \
  $([ -z "${npm_config_nodedir:-}" ] && [ -f "$nodedir/include/node/node_api.h" ] && echo "--nodedir=$nodedir") \
  >"$work/build.log" 2>&1) || { tail -40 "$work/build.log"; exit 1; }

export TENSORBOOK_NATIVE_ADDON="$work/build/Release/tensorbook_native.node"
export LD_PRELOAD="$("$cxx" -print-file-name=libasan.so):$("$cxx" -print-file-name=libubsan.so)"
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:allow_user_segv_handler=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
cd "$root"
if [ "$#" -eq 0 ]; then set -- test/native/*.test.ts; fi
echo "[native-sanitize] running $* against $TENSORBOOK_NATIVE_ADDON"
node --import tsx --conditions=source --test "$@"
