#!/usr/bin/env bash
# Message Guard: bootstrap, build, serve and test.
#
#   ./build.sh          bootstrap what is missing, build everything, serve dist/www on
#                       http://127.0.0.1:8080 (PORT=...) until stopped
#   ./build.sh build    the same without serving
#   ./build.sh serve    serve what is built
#   ./build.sh test     bootstrap what the tests need (browsers, drivers), build, run every test
#   ./build.sh bench    build, then measure: cargo bench (native, with the Aho-Corasick floor), the
#                       packaged extension in headless Chromium and Firefox (benches/browser/), sizes;
#                       prints a table, writes target/bench/summary.json (BENCHMARKS.md explains it)
#   ./build.sh fuzz [SECONDS]   fuzz the analyzer (cargo-fuzz, libFuzzer) for SECONDS in all (default
#                       600), split between the targets; installs cargo-fuzz and a C++ compiler
#   ./build.sh help     this text
#
# Outputs (never committed): dist/pkg (the optimized wasm module), target/release/msgguard (the CLI),
# dist/chrome and dist/firefox (unpacked extensions, from extension/build.mjs), dist/www (the test
# page, from www/build.mjs). Runs on Debian 12 as root (or with sudo); CI=true makes cargo --locked.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$PWD
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$ROOT/node_modules/.bin:$PATH"
export DEBIAN_FRONTEND=noninteractive
export NO_UPDATE_NOTIFIER=1 NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false

WASM_TARGET=wasm32-unknown-unknown
PKG_DIR=dist/pkg
# cargo's output folder: target/ unless the caller moved it (CARGO_TARGET_DIR, relative to here or absolute)
CARGO_OUT=$(realpath -m "${CARGO_TARGET_DIR:-target}")
WASM_GZ_BUDGET=150000 # bytes, gzip -9 of dist/pkg/msgguard_bg.wasm (150 KB, issue 5)
NODE_MIN=20.10.0
CHROMIUM_BIN=/usr/bin/chromium
CHROMEDRIVER_BIN=/usr/bin/chromedriver
FIREFOX_BIN=/usr/bin/firefox-esr

CARGO_LOCKED=()
if [[ "${CI:-}" == true || "${CI:-}" == 1 ]]; then CARGO_LOCKED=(--locked); fi

# ---------------------------------------------------------------------------------------------
# Output and timing

if [[ -t 1 ]]; then BOLD=$'\e[1m' RED=$'\e[31m' YELLOW=$'\e[33m' RESET=$'\e[0m'; else BOLD='' RED='' YELLOW='' RESET=''; fi
say() { printf '%s==> %s%s\n' "$BOLD" "$*" "$RESET"; }
warn() { printf '%swarning: %s%s\n' "$YELLOW" "$*" "$RESET" >&2; }
die() {
  printf '%serror: %s%s\n' "$RED" "$*" "$RESET" >&2
  exit 1
}

TIMINGS=()
SCRIPT_START=$SECONDS
print_timings() {
  local status=$?
  if ((${#TIMINGS[@]})); then
    echo
    echo "Timings:"
    printf '  %s\n' "${TIMINGS[@]}"
    printf '  %-58s %4ds\n' "total" $((SECONDS - SCRIPT_START))
  fi
  if ((status != 0)); then printf '%sbuild.sh: FAILED (exit %d); see the error above%s\n' "$RED" "$status" "$RESET" >&2; fi
}
trap print_timings EXIT

record() { TIMINGS+=("$(printf '%-58s %4ds%s' "$1" "$2" "${3:+  $3}")"); }

# phase NAME FAILURE-HINT CMD...: runs CMD in a subshell with errexit in force (a function called
# as `f || x` would run with errexit off), records its time, and on failure stops with the hint.
phase() {
  local name=$1 hint=$2 start=$SECONDS status
  shift 2
  say "$name"
  set +e
  (
    set -e
    "$@"
  )
  status=$?
  set -e
  record "$name" $((SECONDS - start)) "$( ((status)) && echo FAILED)"
  if ((status)); then die "$name failed (exit $status). $hint"; fi
}

# timed NAME CMD...: like phase, but in this shell (bootstrap exports what the tests need).
timed() {
  local name=$1 start=$SECONDS
  shift
  say "$name"
  record "$name" 0 "FAILED" # replaced below when CMD succeeds
  "$@"
  unset 'TIMINGS[-1]'
  record "$name" $((SECONDS - start))
}

# ---------------------------------------------------------------------------------------------
# Bootstrap (idempotent; quick when everything is installed)

as_root() {
  if ((EUID == 0)); then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    die "'$*' needs root: run ./build.sh as root, or install sudo"
  fi
}

# apt_install PKG...: one `apt-get update` per run, then install with recommends (chromium's
# fonts-liberation matters to layout and screenshots in the browser tests).
APT_UPDATED=
apt_install() {
  command -v apt-get >/dev/null || die "cannot install $*: no apt-get (this script expects Debian 12); install them by hand"
  if [[ -z $APT_UPDATED ]]; then
    say "apt-get update"
    as_root apt-get update -q || die "apt-get update failed: check the network and /etc/apt/sources.list"
    APT_UPDATED=1
  fi
  say "apt-get install $*"
  as_root apt-get install -y -q "$@" || die "apt-get install $* failed; see above"
}

# cargo_install CRATE [VERSION]: --locked first, then without (the registry mirror may lack a
# locked dependency). --force replaces a different version already installed.
cargo_install() {
  local crate=$1 version=${2:-} args=()
  [[ -n $version ]] && args=(--version "$version")
  say "cargo install $crate ${version:+$version }(a few minutes, once)"
  if ! cargo install --force --locked "$crate" "${args[@]}"; then
    warn "cargo install --locked $crate failed; retrying without --locked (newest compatible dependencies)"
    cargo install --force "$crate" "${args[@]}" || die "cargo install $crate ${version} failed; see above"
  fi
}

version_ge() { [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]; }

ensure_rust() {
  if ! command -v cargo >/dev/null || ! command -v rustc >/dev/null; then
    die "Rust is not installed: install it with rustup (stable, 1.85 or newer; Debian's rustc is too old), then run ./build.sh again"
  fi
  local want have
  want=$(sed -n 's/^rust-version *= *"\(.*\)"/\1/p' Cargo.toml | head -n1)
  have=$(rustc --version | awk '{print $2}')
  if [[ -n $want ]] && ! version_ge "$have" "$want"; then
    die "rustc $have is older than the crate's rust-version $want: run 'rustup update stable'"
  fi
  command -v cc >/dev/null || apt_install gcc libc6-dev
  if command -v rustup >/dev/null; then
    rustup target list --installed | grep -qx "$WASM_TARGET" || {
      say "rustup target add $WASM_TARGET"
      rustup target add "$WASM_TARGET"
    }
  elif [[ ! -d "$(rustc --print sysroot)/lib/rustlib/$WASM_TARGET" ]]; then
    die "the Rust target $WASM_TARGET is missing and rustup is not installed: install Rust with rustup"
  fi
}

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
wasm_bindgen_wanted() {
  [[ -f Cargo.lock ]] || die "Cargo.lock is missing: run 'cargo generate-lockfile' (and commit it)"
  awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}
tool_version() { "$1" --version 2>/dev/null | awk '{print $2}' || true; }

check_wasm_bindgen() {
  local want=$1 tool have
  for tool in wasm-bindgen wasm-bindgen-test-runner; do
    have=$(tool_version "$tool")
    [[ -z $have ]] && { echo "$tool not found"; return 1; }
    [[ $have != "$want" ]] && { echo "$tool $have found ($(command -v "$tool")) but Cargo.lock wants $want"; return 1; }
  done
  return 0
}

ensure_wasm_bindgen() {
  local want problem
  want=$(wasm_bindgen_wanted)
  [[ -n $want ]] || die "no wasm-bindgen package in Cargo.lock: is the wasm-bindgen dependency in Cargo.toml?"
  if problem=$(check_wasm_bindgen "$want"); then return 0; fi
  say "$problem: installing wasm-bindgen-cli $want"
  cargo_install wasm-bindgen-cli "$want"
  problem=$(check_wasm_bindgen "$want") ||
    die "$problem, even after installing wasm-bindgen-cli $want into $CARGO_BIN: run ./build.sh again to reinstall, and make sure $CARGO_BIN comes first in PATH"
}

ensure_node() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    die "Node.js $NODE_MIN or newer and npm are not installed: install them (Debian 12's nodejs 18 is too old for playwright-core and web-ext), then run ./build.sh again"
  fi
  version_ge "$(node -p process.versions.node)" "$NODE_MIN" ||
    die "Node.js $(node --version) is too old: the tests need Node.js $NODE_MIN or newer (node --test --test-concurrency; playwright-core and web-ext need 20)"
  # npm ci when node_modules is missing, incomplete, or was installed from another lock file. The
  # stamp holds the hash of the lock file it was installed from: file dates would say "stale" for
  # every fresh checkout (a git worktree sharing node_modules would wipe it for the others).
  local stamp=node_modules/.msgguard-lock.sha256 want need=
  want=$(sha256sum package.json package-lock.json | sha256sum | cut -d' ' -f1)
  if [[ ! -f $stamp || "$(cat "$stamp")" != "$want" ]]; then
    need=1
  else
    local bin
    for bin in wasm-opt tsc web-ext esbuild; do [[ -x node_modules/.bin/$bin ]] || need=1; done
    for mod in playwright-core selenium-webdriver; do [[ -f node_modules/$mod/package.json ]] || need=1; done
  fi
  if [[ -n $need ]]; then
    say "npm ci"
    npm ci --no-audit --no-fund || die "npm ci failed: check that package-lock.json matches package.json (npm install updates it)"
    echo "$want" >"$stamp"
  fi
}

ensure_browsers() {
  local missing=()
  [[ -x $CHROMIUM_BIN ]] || missing+=(chromium)
  [[ -x $CHROMEDRIVER_BIN ]] || missing+=(chromium-driver)
  [[ -x $FIREFOX_BIN ]] || missing+=(firefox-esr)
  ((${#missing[@]} == 0)) || apt_install "${missing[@]}"
  if [[ -z ${GECKODRIVER:-} ]]; then
    if [[ -x $CARGO_BIN/geckodriver ]]; then
      GECKODRIVER=$CARGO_BIN/geckodriver
    elif command -v geckodriver >/dev/null; then
      GECKODRIVER=$(command -v geckodriver)
    else
      cargo_install geckodriver
      GECKODRIVER=$CARGO_BIN/geckodriver
    fi
  fi
  [[ -x $GECKODRIVER ]] || die "geckodriver not found at $GECKODRIVER: unset GECKODRIVER, or run 'cargo install geckodriver'"
  export GECKODRIVER
}

bootstrap_build() {
  ensure_rust
  ensure_wasm_bindgen
  ensure_node
}

bootstrap_test() {
  bootstrap_build
  ensure_browsers
}

# ---------------------------------------------------------------------------------------------
# Build

build_wasm() {
  cargo rustc "${CARGO_LOCKED[@]}" --release --target "$WASM_TARGET" --lib --crate-type cdylib
}

bindgen_wasm() {
  rm -rf "$PKG_DIR"
  wasm-bindgen --target web --out-dir "$PKG_DIR" --out-name msgguard "$CARGO_OUT/$WASM_TARGET/release/msgguard.wasm"
}

# npm binaryen only: Debian's wasm-opt 108 breaks the externref table (toolchain.md). Features are
# read from the module's target_features section, which is stripped last, like debug info and
# the producers section.
optimize_wasm() {
  local wasm_opt=node_modules/.bin/wasm-opt
  [[ -x $wasm_opt ]] || die "$wasm_opt is missing: run ./build.sh build (runs npm ci)"
  "$wasm_opt" "$PKG_DIR/msgguard_bg.wasm" -Oz --strip-debug --strip-producers --strip-target-features \
    -o "$PKG_DIR/msgguard_bg.wasm"
  node tools/size.mjs "$PKG_DIR/msgguard_bg.wasm"
}

build_cli() {
  cargo build "${CARGO_LOCKED[@]}" --release --bin msgguard
}

build_all() {
  mkdir -p dist
  phase "wasm: cargo rustc --release (cdylib)" "Fix the compile error above (src/ or Cargo.toml)." build_wasm
  phase "wasm: wasm-bindgen --target web -> $PKG_DIR" "Is the wasm-bindgen CLI the version in Cargo.lock? ./build.sh reinstalls it." bindgen_wasm
  phase "wasm: wasm-opt -Oz (npm binaryen)" "Reinstall node_modules: rm -rf node_modules && ./build.sh build." optimize_wasm
  phase "cli: cargo build --release --bin msgguard" "Fix the compile error above." build_cli
  if [[ -f extension/build.mjs ]]; then
    phase "extension: node extension/build.mjs" "See the extension build's message above." node extension/build.mjs
  else
    warn "extension/build.mjs does not exist yet: dist/chrome and dist/firefox not built"
  fi
  if [[ -f www/build.mjs ]]; then
    phase "www: node www/build.mjs" "See the test page build's message above." node www/build.mjs
  else
    warn "www/build.mjs does not exist yet: dist/www not built"
  fi
}

where_things_are() {
  echo
  echo "Built:"
  echo "  wasm module        $ROOT/$PKG_DIR/msgguard.js (+ msgguard_bg.wasm)"
  echo "  CLI                $CARGO_OUT/release/msgguard"
  if [[ -d dist/chrome ]]; then
    echo "  Chrome extension   $ROOT/dist/chrome  (chrome://extensions > Developer mode > Load unpacked)"
  else
    echo "  Chrome extension   not built (no extension/build.mjs yet)"
  fi
  if [[ -d dist/firefox ]]; then
    echo "  Firefox extension  $ROOT/dist/firefox  (about:debugging > This Firefox > Load Temporary Add-on > manifest.json)"
  else
    echo "  Firefox extension  not built (no extension/build.mjs yet)"
  fi
  if [[ -d dist/www ]]; then echo "  test page          $ROOT/dist/www"; else echo "  test page          not built (no www/build.mjs yet)"; fi
}

# ---------------------------------------------------------------------------------------------
# Serve

serve() {
  local dir=dist/www port=${PORT:-8080}
  if [[ ! -d $dir ]]; then
    [[ -d dist ]] || die "nothing is built: run ./build.sh build first"
    warn "dist/www is not built (no www/build.mjs yet): serving dist/ instead"
    dir=dist
  fi
  command -v node >/dev/null || die "Node.js is not installed: run ./build.sh build first"
  where_things_are
  echo
  echo "Test page: http://127.0.0.1:$port/   (Ctrl-C to stop)"
  trap - EXIT
  print_timings
  exec node tools/serve.mjs "$dir"
}

# ---------------------------------------------------------------------------------------------
# Tests

# Integration test targets (tests/*.rs) that hold wasm-bindgen tests, plus --lib when src/ has some.
wasm_test_targets() {
  local f
  grep -rqs 'wasm_bindgen_test' src && echo --lib
  for f in tests/*.rs; do
    [[ -f $f ]] && grep -qs 'wasm_bindgen_test' "$f" && printf -- '--test\n%s\n' "$(basename "$f" .rs)"
  done
  return 0
}

wasm_browser_test() {
  local browser=$1 targets
  mapfile -t targets < <(wasm_test_targets)
  ((${#targets[@]})) || die "no wasm-bindgen tests found (tests/*.rs using wasm_bindgen_test)"
  # The runner prefers geckodriver when both variables are set: give it only the one we want.
  if [[ $browser == chromium ]]; then
    env -u GECKODRIVER -u GECKODRIVER_REMOTE -u CHROMEDRIVER_REMOTE \
      CHROMEDRIVER="$CHROMEDRIVER_BIN" WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/webdriver-chromium.json" \
      WASM_BINDGEN_TEST_TIMEOUT=120 \
      cargo test "${CARGO_LOCKED[@]}" --target "$WASM_TARGET" "${targets[@]}"
  else
    env -u CHROMEDRIVER -u CHROMEDRIVER_REMOTE -u GECKODRIVER_REMOTE \
      GECKODRIVER="$GECKODRIVER" WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/webdriver-firefox.json" \
      WASM_BINDGEN_TEST_TIMEOUT=120 \
      cargo test "${CARGO_LOCKED[@]}" --target "$WASM_TARGET" "${targets[@]}"
  fi
}

# Test files in DIR as node's runner would pick them (*.test.mjs and friends), sorted.
node_test_files() {
  find "$1" -path '*/node_modules' -prune -o -type f \
    \( -name '*.test.mjs' -o -name '*.test.js' -o -name '*.test.cjs' -o -name '*-test.mjs' -o -name '*_test.mjs' \
    -o -name 'test-*.mjs' -o -name 'test.mjs' \) -print | sort
}

# node_tests DIR: node's test runner on DIR, one file at a time (browser tests share 2 cores),
# TAP output so the summary ends in "# pass N" / "# fail N".
node_tests() {
  local dir=$1 files
  mapfile -t files < <(node_test_files "$dir")
  ((${#files[@]})) || die "$dir has no test files (*.test.mjs)"
  node --test --test-reporter=tap --test-concurrency=1 "${files[@]}"
}

size_check() {
  node tools/size.mjs --max-gz "$WASM_GZ_BUDGET" "$PKG_DIR/msgguard_bg.wasm"
}

web_ext_lint() {
  web-ext lint --source-dir dist/firefox --no-input
}

typecheck() {
  local config
  for config in jsconfig.json tsconfig.json; do
    [[ -f $config ]] || continue
    say "tsc -p $config --noEmit"
    tsc -p "$config" --noEmit || return 1
  done
}

run_tests() {
  phase "test: cargo test (native, rule books)" \
    "A failing native test: see its assertion above; cargo test NAME reruns one." \
    cargo test "${CARGO_LOCKED[@]}"
  phase "test: fuzz smoke (${FUZZ_SMOKE_SECONDS}s over ${FUZZ_TARGETS[*]})" \
    "A fuzz target crashed or broke an invariant: the input is in fuzz/artifacts/ (fuzz/README.md says how to replay it)." \
    fuzz_smoke
  phase "test: wasm-bindgen-test in headless Chromium" \
    "Rerun: CHROMEDRIVER=$CHROMEDRIVER_BIN WASM_BINDGEN_TEST_WEBDRIVER_JSON=webdriver-chromium.json cargo test --target $WASM_TARGET --test web. A compile error in src/bin? cargo builds the package's binaries for its integration tests, so the CLI must compile for $WASM_TARGET too." \
    wasm_browser_test chromium
  phase "test: wasm-bindgen-test in headless Firefox" \
    "Rerun: GECKODRIVER=$GECKODRIVER WASM_BINDGEN_TEST_WEBDRIVER_JSON=webdriver-firefox.json cargo test --target $WASM_TARGET --test web" \
    wasm_browser_test firefox
  phase "test: dist/pkg in Chromium and Firefox (tests/wasm)" \
    "Rerun: node --test tests/wasm/" \
    node_tests tests/wasm
  phase "test: wasm size (gzip budget $WASM_GZ_BUDGET bytes)" \
    "The module grew past its budget: see the sizes above." \
    size_check
  if [[ -d tests/e2e ]] && [[ -n "$(node_test_files tests/e2e)" ]]; then
    phase "test: extension end to end (tests/e2e)" "Rerun: node --test tests/e2e/" node_tests tests/e2e
  else
    warn "no tests in tests/e2e yet: skipped"
  fi
  if [[ -d tests/www ]] && [[ -n "$(node_test_files tests/www)" ]]; then
    phase "test: test page (tests/www)" "Rerun: node --test tests/www/" node_tests tests/www
  else
    warn "no tests in tests/www yet: skipped"
  fi
  if [[ -d dist/firefox ]]; then
    phase "test: web-ext lint dist/firefox" "Fix the errors web-ext lists above (manifest or code in extension/)." web_ext_lint
  else
    warn "dist/firefox is not built: web-ext lint skipped"
  fi
  if [[ -f jsconfig.json || -f tsconfig.json ]]; then
    phase "test: tsc type check (checkJs)" "Fix the type errors above." typecheck
  fi
}

# ---------------------------------------------------------------------------------------------
# Fuzzing (fuzz/: targets `analyze` and `normalize`; fuzz/README.md)

FUZZ_TARGETS=(analyze normalize)

# cargo-fuzz drives libFuzzer, which libfuzzer-sys compiles from C++ source, through rustc's -Z flags
# (sanitizer, coverage). Stable rustc accepts -Z flags with RUSTC_BOOTSTRAP=1, so no nightly is needed;
# the AddressSanitizer runtime ships with stable's rust-std on x86_64 Linux (else: no sanitizer).
ensure_fuzz() {
  ensure_rust
  command -v c++ >/dev/null || apt_install g++
  command -v cargo-fuzz >/dev/null || cargo_install cargo-fuzz
}

fuzz_sanitizer() {
  if compgen -G "$(rustc --print sysroot)/lib/rustlib/*/lib/librustc-*_rt.asan.a" >/dev/null; then
    echo address
  else
    echo none
  fi
}

# fuzz_run SECONDS: builds both targets, then runs each for its share of SECONDS (at least 5 s),
# starting from fuzz/corpus/TARGET (kept between runs, not committed) and the dictionary. A crash
# stops with the failing input saved under fuzz/artifacts/TARGET/.
fuzz_run() {
  local seconds=$1 each target sanitizer
  if [[ ! $seconds =~ ^[0-9]+$ ]] || ((seconds == 0)); then die "fuzz: SECONDS must be a positive whole number, not '$seconds'"; fi
  each=$((seconds / ${#FUZZ_TARGETS[@]}))
  ((each >= 5)) || each=5
  sanitizer=$(fuzz_sanitizer)
  export RUSTC_BOOTSTRAP=1
  for target in "${FUZZ_TARGETS[@]}"; do
    mkdir -p "fuzz/corpus/$target"
    (cd fuzz && cargo fuzz build -O --sanitizer "$sanitizer" "$target") ||
      die "fuzz: building target $target failed; see above (is a C++ compiler installed? apt-get install g++)"
  done
  for target in "${FUZZ_TARGETS[@]}"; do
    say "fuzz $target for ${each}s (sanitizer: $sanitizer)"
    (cd fuzz && cargo fuzz run -O --sanitizer "$sanitizer" "$target" "corpus/$target" "seeds" -- \
      -max_total_time="$each" -max_len=8192 -timeout=10 -rss_limit_mb=2048 -dict=analyze.dict -print_final_stats=1) ||
      die "fuzz: target $target failed: the input is saved in fuzz/artifacts/$target/ (see above). Reproduce with: cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -O --sanitizer $sanitizer $target artifacts/$target/<file>"
  done
}

# The smoke run in ./build.sh test: short, but it builds the instrumented targets and replays the
# corpus kept from earlier runs, so a regression on a known input fails here.
FUZZ_SMOKE_SECONDS=${FUZZ_SMOKE_SECONDS:-24}
fuzz_smoke() {
  ensure_fuzz
  fuzz_run "$FUZZ_SMOKE_SECONDS"
}

# ---------------------------------------------------------------------------------------------

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

cmd=${1:-all}
case $cmd in
  all | '')
    timed "bootstrap" bootstrap_build
    build_all
    serve
    ;;
  build)
    timed "bootstrap" bootstrap_build
    build_all
    where_things_are
    ;;
  serve)
    serve
    ;;
  test)
    timed "bootstrap (build and test tools)" bootstrap_test
    build_all
    run_tests
    echo
    say "all tests passed"
    ;;
  bench)
    timed "bootstrap (build and browsers)" bootstrap_test
    build_all
    rm -f target/bench/analyze-native.json target/bench/browser.json target/bench/summary.json
    phase "bench: cargo bench (native, floor ratio; writes the drafts)" "See the error above." \
      cargo bench "${CARGO_LOCKED[@]}" --bench analyze
    # Browser runs take turns with other checkouts' browser tests (Firefox needs 127.0.0.1:443).
    phase "bench: the packaged extension in Chromium and Firefox" \
      "A measurement failed (see above); rerun one browser with: node benches/browser/run.mjs --only chromium" \
      flock /tmp/msgguard-browsers.lock node benches/browser/run.mjs
    phase "bench: summary (target/bench/summary.json)" "A number is missing: see which above." node benches/summary.mjs
    ;;
  fuzz)
    [[ ${2:-600} =~ ^[1-9][0-9]*$ ]] || die "fuzz: SECONDS must be a positive whole number, not '${2:-}' (./build.sh fuzz 600)"
    timed "bootstrap (cargo-fuzz, C++ compiler)" ensure_fuzz
    phase "fuzz: ${FUZZ_TARGETS[*]} for ${2:-600}s" "A target crashed or broke an invariant: see above." fuzz_run "${2:-600}"
    ;;
  help | -h | --help)
    usage
    ;;
  *)
    usage >&2
    die "unknown command '$cmd'"
    ;;
esac
