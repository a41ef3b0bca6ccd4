#!/usr/bin/env bash
# Issue 18's figures against the NX client as the baseline, in one run on one container desktop: first frame on a
# suspended session (browser click -> terminal drawn in the canvas, against starting qvd-client -> terminal on its X
# display; rounds alternate) and bytes per second of a scrolling terminal on each client's own line. Needs what the
# guest tests need (images/out with a *.rootfs.tar, libvirtd, LXC, Xvfb, nxproxy, Chromium) and a built tree (the
# server provisioned: mvn -B package -DskipTests). Run it under the guest lock:
#   flock /work/guest.lock bench/browser/run.sh [rounds]
# Prints "BENCH browser ..." lines with both figures and the ratio, and the load average before and after.
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "BENCH browser load before: $(cut -d' ' -f1-3 /proc/loadavg)"
nice -n 19 mvn -B -o -pl qvd-guest-tests verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=BrowserFiguresBenchIT -Dfailsafe.failIfNoSpecifiedTests=false -Dqvd.bench.browser=true \
    -Dqvd.bench.browser.rounds="${1:-3}" -Dqvd.guest.port.offset="${QVD_BENCH_PORT_OFFSET:-350}" \
    | grep -E "^BENCH |Tests run|SKIPPED|ERROR" || true
echo "BENCH browser load after: $(cut -d' ' -f1-3 /proc/loadavg)"
