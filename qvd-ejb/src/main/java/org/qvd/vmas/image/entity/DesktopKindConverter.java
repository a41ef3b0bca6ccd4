package org.qvd.vmas.image.entity;

import jakarta.persistence.Converter;
import org.qvd.protocol.state.DesktopKind;
import org.qvd.vmas.platform.WireEnumConverter;

/** Stores {@link DesktopKind} as its lower-case name ({@code vm}, {@code container}). */
@Converter(autoApply = true)
public class DesktopKindConverter extends WireEnumConverter<DesktopKind> {
    public DesktopKindConverter() {
        super(DesktopKind.class);
    }
}
