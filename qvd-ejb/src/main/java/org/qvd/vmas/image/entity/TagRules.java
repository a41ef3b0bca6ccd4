package org.qvd.vmas.image.entity;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.error.NotFoundException;

/**
 * The tag rules of an OSF (ARCHITECTURE §2, QVD inventory §8): a tag names at most one DI of the
 * OSF, so tagging moves it; every DI has a fixed tag equal to its version that never moves;
 * {@code head} always names the newest DI; the first DI gets {@code default}; removing a DI hands
 * {@code head}/{@code default} to the newest remaining DI.
 */
public final class TagRules {

    public static final String HEAD = "head";
    public static final String DEFAULT = "default";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private TagRules() {}

    /** Adds a DI with its fixed version tag; head moves to it; it gets default if first or asked. */
    public static Di addDi(Osf osf, String version, String path, String description, boolean makeDefault) {
        checkName(version);
        if (version.equals(HEAD) || version.equals(DEFAULT)) {
            throw new DiTagException(ImageError.DI_TAG_RESERVED, "'" + version + "' is a reserved tag, not a version");
        }
        for (Di existing : osf.dis()) {
            if (existing.hasTag(version)) {
                throw new DiTagException(
                        existing.getVersion().equals(version) ? ImageError.DI_DUPLICATE : ImageError.DI_TAG_CONFLICT,
                        "version '" + version + "' is already a tag in OSF '" + osf.getName() + "'");
            }
        }
        boolean first = osf.dis().isEmpty();
        Di di = new Di(osf, version, path, description);
        osf.dis().add(di);
        di.tags().add(new DiTag(di, version, true));
        place(osf, di, HEAD);
        if (first || makeDefault) {
            place(osf, di, DEFAULT);
        }
        return di;
    }

    /**
     * Puts a tag on a DI, moving it from whichever DI of the OSF holds it.
     * @return the new tag entity to persist, or empty when an existing tag moved (or was already there)
     */
    public static Optional<DiTag> tag(Osf osf, Di di, String tag) {
        checkName(tag);
        if (tag.equals(HEAD)) {
            throw new DiTagException(ImageError.DI_TAG_RESERVED, "'head' always names the newest DI and cannot be set");
        }
        return place(osf, di, tag);
    }

    /** Removes a movable tag from a DI; returns the tag entity to delete. */
    public static DiTag untag(Di di, String tag) {
        DiTag existing = di.tag(tag).orElseThrow(() -> new NotFoundException(ImageError.DI_TAG_NOT_FOUND, tag));
        if (existing.isFixed()) {
            throw new DiTagException(ImageError.DI_TAG_FIXED, "the version tag '" + tag + "' cannot be removed");
        }
        if (tag.equals(HEAD) || tag.equals(DEFAULT)) {
            throw new DiTagException(
                    ImageError.DI_TAG_RESERVED, "'" + tag + "' cannot be removed; move it to another DI instead");
        }
        di.tags().remove(existing);
        return existing;
    }

    /** Detaches a DI from its OSF, handing head/default to the newest remaining DI (if any). */
    public static void removeDi(Osf osf, Di di) {
        osf.dis().remove(di);
        Optional<Di> newest = osf.dis().stream().max(Comparator.comparing(TagRules::age));
        for (String reserved : List.of(HEAD, DEFAULT)) {
            Optional<DiTag> held = di.tag(reserved);
            if (held.isPresent() && newest.isPresent()) {
                di.tags().remove(held.get());
                held.get().moveTo(newest.get());
                newest.get().tags().add(held.get());
            }
        }
    }

    private static Optional<DiTag> place(Osf osf, Di target, String tag) {
        if (target.hasTag(tag)) {
            return Optional.empty();
        }
        for (Di other : osf.dis()) {
            Optional<DiTag> held = other.tag(tag);
            if (held.isPresent()) {
                if (held.get().isFixed()) {
                    throw new DiTagException(ImageError.DI_TAG_FIXED, "'" + tag + "' is the version tag of another DI");
                }
                other.tags().remove(held.get());
                held.get().moveTo(target);
                target.tags().add(held.get());
                return Optional.empty();
            }
        }
        DiTag created = new DiTag(target, tag, false);
        target.tags().add(created);
        return Optional.of(created);
    }

    private static void checkName(String tag) {
        if (tag == null || !NAME.matcher(tag).matches()) {
            throw new InvalidInputException(
                    ImageError.DI_TAG_INVALID,
                    "tag/version must be 1-64 letters, digits, '.', '_' or '-': '" + tag + "'");
        }
    }

    /** Newest = highest id; DIs not yet persisted are newer than all persisted ones, in list order. */
    private static long age(Di di) {
        return di.getId() != null
                ? di.getId()
                : Long.MAX_VALUE / 2 + di.getOsf().dis().indexOf(di);
    }
}
