#!/usr/bin/env bash
# Playwright's executablePath for e2e runs: Debian's chromium inside the berth-browser network
# namespace (see ensure_browser_netns in scripts/lib.sh), where docker's interface churn does not
# reach it. Playwright talks to the browser over pipes, which cross namespaces unchanged.
exec ip netns exec berth-browser /usr/bin/chromium "$@"
