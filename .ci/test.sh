#!/usr/bin/env bash
# Sets up what is missing (including Chromium), then runs every check and test:
# formatting, lints, native tests, wasm tests in headless Chromium, the release
# builds, the Nu Html Checker on the built pages, and the end-to-end suite against them.
set -euo pipefail
source "$(dirname "$0")/setup.sh" --browser
cd "$briefing_root"

briefing_step "cargo fmt --check"
cargo fmt --all -- --check

briefing_step "cargo clippy (native and wasm32) -D warnings"
cargo clippy --all-targets --features ssr --locked -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --bins --locked -- -D warnings

briefing_step "Native tests: model, validation, mentions, dates, timeline layout, state"
cargo test --locked

briefing_step "Converter evaluation on real news texts (tests/fixtures/eval): precision, recall, dates"
cargo run --locked --quiet --bin briefing-eval

briefing_step "Component tests in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown --test browser

briefing_step "Release builds: at the root, and under a sub-path as GitHub Pages serves it"
# The end-to-end tests serve articles from http://127.0.0.1 on ports chosen at run time:
# these builds trust that origin (a deployment lists its own, see the README).
export BRIEFING_TRUSTED_ORIGINS='http://127.0.0.1:*'
trunk build --release --offline --locked
trunk build --release --offline --locked --public-url /some-repo/ --dist target/dist-subpath

briefing_step "Nu Html Checker on every built page (dist/index.html, briefing.html, 404.html, the sub-path index.html)"
node tests/html-check.mjs

briefing_step "End-to-end tests in headless Chromium (Playwright Test, with screenshot comparisons)"
cd tests
npx --no-install playwright test --config playwright.config.mjs
