package org.qvd.vmas.vm.entity;

import jakarta.persistence.Converter;
import org.qvd.vmas.platform.WireEnumConverter;

/** Stores {@link UserCommand} as its lower-case name. */
@Converter(autoApply = true)
public class UserCommandConverter extends WireEnumConverter<UserCommand> {
    public UserCommandConverter() {
        super(UserCommand.class);
    }
}
