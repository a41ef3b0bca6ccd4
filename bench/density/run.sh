#!/usr/bin/env bash
# Density (issue 17): N idle container desktops and M idle VM desktops of the same image on this host, then each with
# a real client attached (qvd-client + nxproxy on Xvfb): start time per desktop, memory per desktop (PSS, memory cgroup,
# MemAvailable), and how many would fit. Needs what the guest tests need (a built image with its container archive,
# libvirtd, LXC, Xvfb, nxproxy) and a built tree (./qvd build). Run it under the guest lock:
#   flock /work/guest.lock bench/density/run.sh [containers, 8] [vms, 2]
# Prints "DENSITY ..." lines.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -o -pl qvd-launcher,qvd-guest-tests verify -Dqvd.target=target-bench -Dtest=NoSuchTest \
    -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DensityBenchIT -Dqvd.bench.density=true \
    -Dqvd.bench.density.containers="${1:-8}" -Dqvd.bench.density.vms="${2:-2}" \
    -Dqvd.guest.port.offset="${QVD_BENCH_PORT_OFFSET:-350}" | grep -E "^DENSITY |Tests run|SKIPPED|ERROR|FAIL" || true
