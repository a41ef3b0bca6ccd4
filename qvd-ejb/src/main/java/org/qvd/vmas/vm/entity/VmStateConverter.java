package org.qvd.vmas.vm.entity;

import jakarta.persistence.Converter;
import org.qvd.vmas.platform.WireEnumConverter;

/** Stores {@link VmState} as its lower-case name. */
@Converter(autoApply = true)
public class VmStateConverter extends WireEnumConverter<VmState> {
    public VmStateConverter() {
        super(VmState.class);
    }
}
