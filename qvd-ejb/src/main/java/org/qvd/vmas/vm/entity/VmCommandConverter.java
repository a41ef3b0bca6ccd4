package org.qvd.vmas.vm.entity;

import jakarta.persistence.Converter;
import org.qvd.vmas.platform.WireEnumConverter;

/** Stores {@link VmCommand} as its lower-case name. */
@Converter(autoApply = true)
public class VmCommandConverter extends WireEnumConverter<VmCommand> {
    public VmCommandConverter() {
        super(VmCommand.class);
    }
}
