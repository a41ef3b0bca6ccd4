package org.qvd.vmas.config.entity;

import java.util.List;

/** Implemented by one CDI bean per component that has configuration keys. */
public interface ConfigKeyProvider {
    List<ConfigKey<?>> keys();
}
