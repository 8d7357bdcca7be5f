#!/usr/bin/env bash
# Installs what Briefing needs, skipping whatever is already there, and puts it on PATH.
# Source it from the other scripts: `source .ci/setup.sh` (build tools) or
# `source .ci/setup.sh --browser` (also Chromium, ChromeDriver and Java, for the tests).
# What works on these machines, and why, is recorded in shared/toolchain.md.

briefing_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$briefing_root/tests/node_modules/.bin:$PATH"

briefing_step() { printf '\n==> %s\n' "$*"; }

briefing_setup() {
    local want_browser=false
    [ "${1:-}" = "--browser" ] && want_browser=true

    # xz (xz-utils) packs briefing.html in the release build's post-build hook.
    for tool in cargo rustup node npm xz; do
        command -v "$tool" >/dev/null || { echo "setup: $tool is missing; this machine kind ships it" >&2; return 1; }
    done

    if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        briefing_step "Adding the wasm32-unknown-unknown target"
        rustup target add wasm32-unknown-unknown
    fi
    for component in rustfmt clippy; do
        if ! rustup component list --installed | grep -q "^$component"; then
            briefing_step "Adding rustup component $component"
            rustup component add "$component"
        fi
    done

    if ! trunk --version 2>/dev/null | grep -qx 'trunk 0.21.14'; then
        briefing_step "Installing Trunk 0.21.14 (about 9 minutes on 2 cores)"
        cargo install trunk --version 0.21.14 --locked
    fi

    # wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly. It is installed
    # without --locked: one of its locked dependencies is no longer on the registry.
    local bindgen_version
    bindgen_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$briefing_root/Cargo.lock")"
    if ! wasm-bindgen --version 2>/dev/null | grep -q " $bindgen_version\$"; then
        briefing_step "Installing wasm-bindgen-cli $bindgen_version (about 3 minutes)"
        cargo install wasm-bindgen-cli --version "$bindgen_version"
    fi

    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    # Java runs the Nu Html Checker (vnu.jar, from the vnu-jar npm package). Installed
    # before the npm packages: without a Java, vnu-jar's install script downloads one.
    if $want_browser && ! command -v java >/dev/null; then
        briefing_step "Installing Debian's default-jre-headless (Java, for the Nu Html Checker)"
        $sudo apt-get update
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y default-jre-headless
    fi

    # wasm-opt (npm binaryen), Playwright Test, axe-core, HTML_CodeSniffer and the Nu Html Checker live in tests/node_modules.
    local stamp="$briefing_root/tests/node_modules/.package-lock.json"
    if [ ! -f "$stamp" ] || [ "$briefing_root/tests/package-lock.json" -nt "$stamp" ]; then
        briefing_step "Installing npm packages (binaryen, @playwright/test, axe-core, html_codesniffer, vnu-jar)"
        npm ci --prefix "$briefing_root/tests" --no-audit --no-fund
    fi

    if $want_browser && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
        briefing_step "Installing Debian's chromium and chromium-driver"
        $sudo apt-get update
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium chromium-driver
    fi
    return 0
}

briefing_setup "$@"
