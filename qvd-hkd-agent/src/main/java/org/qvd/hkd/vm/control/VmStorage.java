package org.qvd.hkd.vm.control;

import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.libvirt.Connect;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.qvd.hkd.platform.HkdException;
import org.qvd.hkd.vm.entity.StorageLayout;
import org.qvd.hkd.vm.entity.VmNames;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The VMs' disks as libvirt storage volumes: qcow2 overlays on a DI, and home disks. Overlays are
 * recreated at each start unless persistent; home disks are created once and deleted only when the VMAS purges a
 * deleted VM's home.
 */
public final class VmStorage {

    private static final Logger LOG = Logger.getLogger(VmStorage.class.getName());

    private static final long MIB = 1024L * 1024L;

    private final Connect connect;
    private final StorageLayout layout;

    public VmStorage(Connect connect, StorageLayout layout) {
        this.connect = connect;
        this.layout = layout;
    }

    /** The path of the DI's volume; fails with a clear reason if the images pool does not hold it. */
    public String diskImagePath(String diPath) {
        StorageVol di = requireDiskImage(diPath);
        return Libvirt.call("reading volume path", di::getPath);
    }

    /**
     * Creates the VM's overlay on the DI and returns its path. A throw-away overlay left from an earlier
     * run is deleted first; a persistent one is reused.
     */
    public String prepareOverlay(long vmId, String diPath, boolean persistent) {
        StorageVol di = requireDiskImage(diPath);
        String name = persistent ? VmNames.persistentOverlayVolume(vmId) : VmNames.overlayVolume(vmId);
        StoragePool overlays = pool(layout.overlaysPool());
        Optional<StorageVol> existing = volume(overlays, name);
        if (existing.isPresent() && persistent) {
            return Libvirt.call("reading volume path", existing.get()::getPath);
        }
        existing.ifPresent(vol -> Libvirt.run("deleting old overlay " + name, () -> vol.delete(0)));
        long capacity = Libvirt.call("reading disk image size", () -> di.getInfo().capacity);
        String diFile = Libvirt.call("reading volume path", di::getPath);
        String xml = volumeXml(name, capacity, diFile);
        StorageVol overlay = Libvirt.call("creating overlay " + name, () -> overlays.storageVolCreateXML(xml, 0));
        return Libvirt.call("reading volume path", overlay::getPath);
    }

    /**
     * Refuses an OS disk whose first sector has no boot signature (an empty or broken image): the guest would
     * only sit in its firmware saying "No bootable device" until the start timeout. Disks the agent cannot read
     * as files are not checked, nor those of libvirt's test driver: its volumes are not files, and a file that
     * happens to sit at the same path (another system's overlay) is not the disk.
     */
    public void requireBootable(String osDiskPath) {
        if (!Libvirt.isTestDriver(connect)) {
            BootSector.requireBootable(Path.of(osDiskPath));
        }
    }

    /** Creates the VM's home disk if it does not exist yet; returns its path. */
    public String ensureHomeDisk(long vmId, long sizeMb) {
        String name = VmNames.homeVolume(vmId);
        StoragePool homes = pool(layout.homesPool());
        StorageVol home = volume(homes, name)
                .orElseGet(() -> Libvirt.call(
                        "creating home disk " + name,
                        () -> homes.storageVolCreateXML(volumeXml(name, sizeMb * MIB, null), 0)));
        return Libvirt.call("reading volume path", home::getPath);
    }

    /** Deletes the VM's throw-away overlay if there is one; persistent overlays and homes stay. */
    public void deleteOverlay(long vmId) {
        StoragePool overlays = pool(layout.overlaysPool());
        String name = VmNames.overlayVolume(vmId);
        // "none" is logged: the guest tier once found an overlay after a stop; most likely the VMAS called the VM
        // stopped before this teardown ran (a heartbeat without it; fixed, docs/hkd-agent.md)
        volume(overlays, name)
                .ifPresentOrElse(
                        vol -> {
                            Libvirt.run("deleting overlay of VM " + vmId, () -> vol.delete(0));
                            LOG.fine(() -> "overlay " + name + " deleted");
                        },
                        () -> LOG.info(() -> "VM " + vmId + " has no overlay " + name + " to delete"));
    }

    /**
     * Deletes the VM's home disk, for the VMAS's explicit purge of a deleted VM (the only way a home disk goes);
     * returns whether this host's homes pool had one.
     */
    public boolean deleteHomeDisk(long vmId) {
        StoragePool homes = pool(layout.homesPool());
        Optional<StorageVol> home = volume(homes, VmNames.homeVolume(vmId));
        home.ifPresent(vol -> Libvirt.run("deleting home disk of VM " + vmId, () -> vol.delete(0)));
        return home.isPresent();
    }

    /** Whether a volume of this name exists in the overlays or homes pool. */
    public boolean exists(boolean home, String name) {
        return volume(pool(home ? layout.homesPool() : layout.overlaysPool()), name)
                .isPresent();
    }

    private StorageVol requireDiskImage(String diPath) {
        Path path = layout.diskImage(diPath);
        if (!path.startsWith(layout.imagesDir())) {
            throw new HkdException("disk image " + diPath + " is outside " + layout.imagesDir());
        }
        return diskImage(path)
                .orElseThrow(() -> new HkdException(
                        StartFailures.IMAGE_MISSING + ": " + path + " (not in pool " + layout.imagesPool() + ")"));
    }

    private Optional<StorageVol> diskImage(Path path) {
        StoragePool images = pool(layout.imagesPool());
        String name = layout.imagesDir().relativize(path).toString();
        Optional<StorageVol> vol = volume(images, name);
        if (vol.isEmpty()) {
            // a DI copied into the directory after the pool started is only seen after a refresh
            Libvirt.run("refreshing pool " + layout.imagesPool(), () -> images.refresh(0));
            vol = volume(images, name);
        }
        return vol;
    }

    private StoragePool pool(String name) {
        return Libvirt.call("looking up storage pool " + name, () -> connect.storagePoolLookupByName(name));
    }

    private static Optional<StorageVol> volume(StoragePool pool, String name) {
        return Libvirt.lookup("looking up volume " + name, () -> pool.storageVolLookupByName(name));
    }

    static String volumeXml(String name, long capacityBytes, String backingFile) {
        Document doc = DomainXmlBuilder.newDocument();
        Element volume = doc.createElement("volume");
        doc.appendChild(volume);
        append(volume, "name").setTextContent(name);
        Element capacity = append(volume, "capacity");
        capacity.setAttribute("unit", "bytes");
        capacity.setTextContent(Long.toString(capacityBytes));
        append(append(volume, "target"), "format").setAttribute("type", "qcow2");
        if (backingFile != null) {
            Element backing = append(volume, "backingStore");
            append(backing, "path").setTextContent(backingFile);
            append(backing, "format").setAttribute("type", "qcow2");
        }
        return DomainXmlBuilder.serialize(doc);
    }

    private static Element append(Element parent, String name) {
        Element element = parent.getOwnerDocument().createElement(name);
        parent.appendChild(element);
        return element;
    }
}
