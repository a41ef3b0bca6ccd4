#!/usr/bin/env bash
# P2: cold connect_to_vm (VM stopped) to the first desktop frame on the client, against a bare qemu boot of the
# same image to its VMA port, in one run. Needs what the guest tests need (a built image, libvirtd, Xvfb,
# nxproxy) and a built tree (./qvd build). Prints "P2 ..." lines with both times and the ratio.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -o -pl qvd-launcher,qvd-guest-tests verify -Dqvd.target=target-bench -Dtest=NoSuchTest \
    -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ColdConnectBenchIT -Dqvd.bench.coldConnect=true \
    -Dqvd.guest.port.offset="${QVD_BENCH_PORT_OFFSET:-350}" | grep -E "^P2 |Tests run|SKIPPED|ERROR" || true
