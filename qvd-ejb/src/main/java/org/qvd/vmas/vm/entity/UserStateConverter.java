package org.qvd.vmas.vm.entity;

import jakarta.persistence.Converter;
import org.qvd.vmas.platform.WireEnumConverter;

/** Stores {@link UserState} as its lower-case name. */
@Converter(autoApply = true)
public class UserStateConverter extends WireEnumConverter<UserState> {
    public UserStateConverter() {
        super(UserState.class);
    }
}
