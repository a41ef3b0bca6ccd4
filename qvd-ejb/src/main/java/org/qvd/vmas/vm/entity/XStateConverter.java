package org.qvd.vmas.vm.entity;

import jakarta.persistence.Converter;
import org.qvd.protocol.state.XState;
import org.qvd.vmas.platform.WireEnumConverter;

/** Stores {@link XState} as its lower-case name. */
@Converter(autoApply = true)
public class XStateConverter extends WireEnumConverter<XState> {
    public XStateConverter() {
        super(XState.class);
    }
}
