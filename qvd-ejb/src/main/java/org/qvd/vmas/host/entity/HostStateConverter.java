package org.qvd.vmas.host.entity;

import jakarta.persistence.Converter;
import org.qvd.vmas.platform.WireEnumConverter;

/** Stores {@link HostState} as its lower-case name. */
@Converter(autoApply = true)
public class HostStateConverter extends WireEnumConverter<HostState> {
    public HostStateConverter() {
        super(HostState.class);
    }
}
