#!/bin/bash
# Builds the QVD desktop image (a qcow2 DI) from Debian bookworm packages only.
#   images/build.sh            build if the inputs changed, else say "up to date"
#   images/build.sh --force    build even if an image with the same inputs exists
# IMAGE_COMPRESS=1 writes a compressed qcow2 (~210 MB instead of ~600 MB).
# Output in images/out/: <name>-<version>.qcow2, .vmlinuz, .initrd and .json (metadata).
# Needs root (debootstrap chroots), debootstrap, e2fsprogs (mke2fs -d), qemu-utils, ~3 GB disk.
# Nothing is mounted: the root filesystem is written with mke2fs -d from a directory tree.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$HERE")
NAME=${IMAGE_NAME:-qvd-desktop}
SUITE=bookworm
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
SIZE=${IMAGE_SIZE:-2G}
COMPRESS=${IMAGE_COMPRESS:-0}
OUT=$HERE/out
CACHE=$HERE/cache/debs
WORK=${IMAGE_WORK_DIR:-/var/lib/qvd/images-build}
ROOTFS=$WORK/rootfs
CMDLINE="root=/dev/vda rw rootfstype=ext4 console=tty0 console=ttyS0,115200 net.ifnames=0"
FORCE=0
[ "${1:-}" = "--force" ] && FORCE=1

# debootstrap mounts /proc (and /sys) inside the tree while it configures packages; an interrupted
# run can leave them behind: rm -rf and mke2fs -d must never descend into them
unmount_tree() {
  awk -v r="$ROOTFS/" 'index($2, r) == 1 {print $2}' /proc/mounts | sort -r | xargs -r umount -l
}
log() { printf '%s build.sh: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[ "$(id -u)" = 0 ] || die "must run as root (debootstrap needs chroot)"
for tool in debootstrap mke2fs qemu-img sha256sum dpkg-query; do
  command -v "$tool" >/dev/null || die "missing $tool (apt-get install debootstrap e2fsprogs qemu-utils)"
done

# --- the VMA jar (built by Maven if missing)
VMA_JAR=${VMA_JAR:-}
if [ -z "$VMA_JAR" ]; then
  VMA_JAR=$(ls "$REPO"/qvd-vma/target/qvd-vma-*-all.jar 2>/dev/null | head -1 || true)
  if [ -z "$VMA_JAR" ]; then
    log "building the VMA jar"
    (cd "$REPO" && mvn -q -pl qvd-vma -am package -DskipTests)
    VMA_JAR=$(ls "$REPO"/qvd-vma/target/qvd-vma-*-all.jar | head -1)
  fi
fi
[ -f "$VMA_JAR" ] || die "VMA jar not found: $VMA_JAR"
# snapshot the jar: the hash and the installed file must be the same bytes even if Maven rebuilds it
mkdir -p "$WORK"
cp "$VMA_JAR" "$WORK/qvd-vma.jar"
VMA_JAR=$WORK/qvd-vma.jar

# --- inputs hash: script, package list, files copied into the image, VMA jar, suite
PACKAGES=$(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$HERE/packages.txt" | grep . | paste -sd, -)
INPUTS_HASH=$( {
  sha256sum "$HERE/build.sh" "$HERE/packages.txt" | cut -d' ' -f1
  (cd "$HERE/rootfs" && find . -type f | LC_ALL=C sort | xargs sha256sum)
  sha256sum "$VMA_JAR" | cut -d' ' -f1
  echo "$SUITE $SIZE $CMDLINE compress=$COMPRESS"
} | sha256sum | cut -c1-16)

mkdir -p "$OUT" "$CACHE"
if [ "$FORCE" = 0 ]; then
  existing=$(grep -l "\"inputs_hash\": \"$INPUTS_HASH\"" "$OUT"/*.json 2>/dev/null | grep -v '\.rootfs\.json$' | head -1 || true)
  if [ -n "$existing" ] && [ -f "${existing%.json}.qcow2" ] && [ -f "${existing%.json}.rootfs.tar" ]; then
    log "up to date: ${existing%.json}.qcow2 (inputs $INPUTS_HASH)"
    exit 0
  fi
fi

VERSION=${IMAGE_VERSION:-$(date -u +%Y%m%d.%H%M)-$(echo "$INPUTS_HASH" | cut -c1-8)}
BASE=$OUT/$NAME-$VERSION
# Timestamps inside the filesystem: the last commit's time, so two builds of the same inputs
# differ only where Debian's maintainer scripts write the current time.
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$REPO" log -1 --format=%ct 2>/dev/null || date +%s)}
export SOURCE_DATE_EPOCH
START=$(date +%s)
log "building $NAME $VERSION (inputs $INPUTS_HASH)"

# --- 1. root filesystem (downloads are cached in images/cache/debs)
unmount_tree
rm -rf --one-file-system "$ROOTFS"
mkdir -p "$WORK"
debootstrap --variant=minbase --include="$PACKAGES" --cache-dir="$CACHE" \
  "$SUITE" "$ROOTFS" "$MIRROR" > "$WORK/debootstrap.out" 2>&1 \
  || { tail -20 "$WORK/debootstrap.out"; die "debootstrap failed (see $WORK/debootstrap.out)"; }
log "debootstrap done ($(( $(date +%s) - START )) s)"

# every command the VMA and the desktop run must be in the image (procps' kill, for instance, is not in minbase)
for cmd in kill blkid mkfs.ext4 mount useradd groupadd getent setpriv systemctl nxagent java xterm jwm; do
  chroot "$ROOTFS" /bin/sh -c "command -v $cmd" >/dev/null || die "$cmd missing in the image: add its package to packages.txt"
done

# --- 2. configuration
cp -a "$HERE/rootfs/." "$ROOTFS/"
install -D -m 0644 "$VMA_JAR" "$ROOTFS/usr/lib/qvd/qvd-vma.jar"
echo "$NAME" > "$ROOTFS/etc/hostname"
printf '127.0.0.1 localhost\n127.0.1.1 %s\n::1 localhost ip6-localhost ip6-loopback\n' "$NAME" > "$ROOTFS/etc/hosts"
printf '/dev/vda / ext4 defaults,errors=remount-ro 0 1\n' > "$ROOTFS/etc/fstab"
# systemd creates a fresh machine id on first boot (each VM is distinct, the image stays reproducible)
: > "$ROOTFS/etc/machine-id"
rm -f "$ROOTFS/var/lib/dbus/machine-id"
# nxagent (running as the user) compiles keymaps into <xkbdir>/compiled
rm -rf "$ROOTFS/usr/share/X11/xkb/compiled"
install -d -m 1777 "$ROOTFS/var/lib/xkb"
ln -s /var/lib/xkb "$ROOTFS/usr/share/X11/xkb/compiled"
chroot "$ROOTFS" systemctl enable systemd-networkd.service qvd-vma.service >/dev/null 2>&1
chroot "$ROOTFS" systemctl mask systemd-networkd-wait-online.service >/dev/null 2>&1
chroot "$ROOTFS" systemctl set-default multi-user.target >/dev/null 2>&1
# the serial console gets a getty automatically (console=ttyS0); root stays locked
chroot "$ROOTFS" passwd -l root >/dev/null

# --- 3. kernel and initramfs next to the image (direct kernel boot)
KERNEL=$(ls "$ROOTFS"/boot/vmlinuz-* | head -1)
INITRD=$(ls "$ROOTFS"/boot/initrd.img-* | head -1)
[ -f "$KERNEL" ] && [ -f "$INITRD" ] || die "kernel or initrd missing in $ROOTFS/boot"
install -m 0644 "$KERNEL" "$BASE.vmlinuz"
install -m 0644 "$INITRD" "$BASE.initrd"

# --- 4. package list, then shrink (docs, man pages, apt lists, logs)
PKGLIST=$(dpkg-query --admindir="$ROOTFS/var/lib/dpkg" -W -f='${Package}=${Version}\n' | LC_ALL=C sort)
rm -rf "$ROOTFS"/usr/share/doc/* "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* \
  "$ROOTFS"/var/cache/apt/*.bin "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/* \
  "$ROOTFS"/debootstrap "$ROOTFS"/var/log/*.log "$ROOTFS"/boot/*
find "$ROOTFS/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name 'locale.alias' -exec rm -rf {} +
find "$ROOTFS" -xdev -newermt "@$SOURCE_DATE_EPOCH" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} + 2>/dev/null || true

# --- 5. filesystem image without mounting, then qcow2
unmount_tree
UUID=$(echo "$INPUTS_HASH" | sed -E 's/^(.{8})(.{4})(.{4}).*/\1-\2-\3-/')$(echo "$INPUTS_HASH$INPUTS_HASH" | cut -c1-16 | sed -E 's/^(.{4})(.{12})/\1-\2/')
RAW=$WORK/root.raw
rm -f "$RAW"
E2FSPROGS_FAKE_TIME=$SOURCE_DATE_EPOCH mke2fs -q -t ext4 -L qvd-root -U "$UUID" \
  -E "root_owner=0:0,hash_seed=$UUID" -d "$ROOTFS" -F "$RAW" "$SIZE"
if [ "$COMPRESS" = 1 ]; then
  qemu-img convert -c -O qcow2 "$RAW" "$BASE.qcow2"   # ~1/3 of the size, ~20 s more CPU
else
  qemu-img convert -O qcow2 "$RAW" "$BASE.qcow2"
fi
rm -f "$RAW"
chmod 0644 "$BASE.qcow2"

# --- 6. metadata
{
  printf '{\n  "name": "%s",\n  "version": "%s",\n  "inputs_hash": "%s",\n' "$NAME" "$VERSION" "$INPUTS_HASH"
  printf '  "suite": "%s",\n  "mirror": "%s",\n  "source_date_epoch": %s,\n' "$SUITE" "$MIRROR" "$SOURCE_DATE_EPOCH"
  printf '  "built_at": "%s",\n  "build_seconds": %s,\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(( $(date +%s) - START ))"
  printf '  "image": "%s",\n  "format": "qcow2",\n  "virtual_size": "%s",\n' "$(basename "$BASE.qcow2")" "$SIZE"
  printf '  "size_bytes": %s,\n' "$(stat -c %s "$BASE.qcow2")"
  printf '  "kernel": "%s",\n  "initrd": "%s",\n  "cmdline": "%s",\n' \
    "$(basename "$BASE.vmlinuz")" "$(basename "$BASE.initrd")" "$CMDLINE"
  printf '  "vma_jar_sha256": "%s",\n' "$(sha256sum "$VMA_JAR" | cut -d' ' -f1)"
  printf '  "packages": [\n'
  echo "$PKGLIST" | sed -e 's/.*/    "&"/' -e '$!s/$/,/'
  printf '  ]\n}\n'
} > "$BASE.json"
log "done in $(( $(date +%s) - START )) s: $BASE.qcow2 ($(du -h "$BASE.qcow2" | cut -f1))"

# --- 7. the same tree as the container image (issue 17, docs/containers.md): one build, two outputs.
# A container's root is the host agent's overlay over this tree, so its fstab names nothing; /dev is LXC's.
printf '# container desktop: the root file system is the host agent'"'"'s overlay\n' > "$ROOTFS/etc/fstab"
touch -h -d "@$SOURCE_DATE_EPOCH" "$ROOTFS/etc/fstab"
tar -C "$ROOTFS" --numeric-owner --sort=name --mtime="@$SOURCE_DATE_EPOCH" --clamp-mtime --exclude='./dev/*' \
  -cf "$BASE.rootfs.tar" .
chmod 0644 "$BASE.rootfs.tar"
{
  printf '{\n  "name": "%s",\n  "version": "%s",\n  "inputs_hash": "%s",\n' "$NAME" "$VERSION" "$INPUTS_HASH"
  printf '  "suite": "%s",\n  "source_date_epoch": %s,\n' "$SUITE" "$SOURCE_DATE_EPOCH"
  printf '  "built_at": "%s",\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf '  "image": "%s",\n  "format": "rootfs-tar",\n' "$(basename "$BASE.rootfs.tar")"
  printf '  "size_bytes": %s,\n' "$(stat -c %s "$BASE.rootfs.tar")"
  printf '  "vma_jar_sha256": "%s",\n  "vm_image": "%s"\n}\n' "$(sha256sum "$VMA_JAR" | cut -d' ' -f1)" \
    "$(basename "$BASE.qcow2")"
} > "$BASE.rootfs.json"
log "container image: $BASE.rootfs.tar ($(du -h "$BASE.rootfs.tar" | cut -f1))"
