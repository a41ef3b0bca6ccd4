#!/usr/bin/env bash
# Makes the local base image that the QVD images build FROM where no container registry is reachable:
# Debian bookworm (minbase) from Debian's packages alone, imported into the local Docker daemon.
#   docker/make-base.sh            import it unless the image already exists (a no-op then, < 1 s)
#   docker/make-base.sh --force    build and import it again
# Then build with --build-arg BASE=<the printed name> (docker/build.sh does), or
# QVD_DOCKER_BASE=<name> docker-compose -f docker/compose.yaml build.
# Needs root (debootstrap chroots), debootstrap and a running Docker daemon. DEBIAN_MIRROR picks another mirror
# (debootstrap's default otherwise). The .deb files are kept in images/cache/debs, shared with images/build.sh.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$HERE")
IMAGE=${QVD_DOCKER_LOCAL_BASE:-qvd-local/debian:bookworm}
SUITE=bookworm
CACHE=$REPO/images/cache/debs
WORK=${QVD_DOCKER_BASE_WORK:-/var/lib/qvd/docker-base}
log() { printf '%s make-base.sh: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

if [ "${1:-}" != "--force" ] && docker image inspect "$IMAGE" >/dev/null 2>&1; then
  log "$IMAGE exists (--force rebuilds it)"
  echo "$IMAGE"
  exit 0
fi
[ "$(id -u)" = 0 ] || die "must run as root (debootstrap needs chroot)"
command -v debootstrap >/dev/null || die "missing debootstrap (apt-get install debootstrap)"
docker info >/dev/null 2>&1 || die "no Docker daemon answers (docker info)"

ROOTFS=$WORK/rootfs
# debootstrap mounts /proc inside the tree: never let rm descend into a mount left by an interrupted run
awk -v r="$ROOTFS/" 'index($2, r) == 1 {print $2}' /proc/mounts | sort -r | xargs -r umount -l
rm -rf "$ROOTFS"
mkdir -p "$ROOTFS" "$CACHE"
START=$(date +%s)
log "debootstrap --variant=minbase $SUITE (a few minutes on the first run)"
# shellcheck disable=SC2086 # no mirror argument: debootstrap's default
debootstrap --variant=minbase --cache-dir="$CACHE" "$SUITE" "$ROOTFS" ${DEBIAN_MIRROR:-} > "$WORK/debootstrap.out" 2>&1 \
  || { tail -20 "$WORK/debootstrap.out"; die "debootstrap failed (see $WORK/debootstrap.out)"; }
log "debootstrap done ($(( $(date +%s) - START )) s)"
# what Debian's own container images do: no recommends, no docs, no apt lists in the image
cat > "$ROOTFS/etc/apt/apt.conf.d/90qvd-container" <<'CONF'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
APT::Sandbox::User "root";
CONF
cat > "$ROOTFS/etc/dpkg/dpkg.cfg.d/90qvd-nodoc" <<'CONF'
path-exclude /usr/share/doc/*
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
CONF
rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/cache/apt/*.bin "$ROOTFS"/var/lib/apt/lists/* \
  "$ROOTFS"/var/log/*.log "$ROOTFS"/usr/share/doc/* "$ROOTFS"/usr/share/man/*
tar --numeric-owner -C "$ROOTFS" -c . | docker import -c 'CMD ["bash"]' -m "debootstrap --variant=minbase $SUITE" - "$IMAGE" >/dev/null
rm -rf "$ROOTFS"
log "imported $IMAGE ($(( $(date +%s) - START )) s in all)"
echo "$IMAGE"
