#!/usr/bin/env bash
# Sets up what is missing, then builds and serves the viewer on http://127.0.0.1:8080/
# (PORT=... to change the port). Rebuilds when the sources change.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
cd "$briefing_root"
# No auto-reload: its injected inline script would break the Content Security Policy.
exec trunk serve --release --offline --no-autoreload --disable-address-lookup --address 127.0.0.1 --port "${PORT:-8080}"
