package org.qvd.l7r.adapter;

import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;

/**
 * The activation of the VMAS's endpoint. It has no properties: the listener's settings are the node's
 * {@code qvd.l7r.*} system properties / {@code QVD_L7R_*} variables ({@link org.qvd.l7r.platform.ConnectorConfig}).
 */
public class L7rActivationSpec implements ActivationSpec, java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private transient ResourceAdapter resourceAdapter;

    @Override
    public void validate() throws InvalidPropertyException {
        // nothing to validate: the settings are checked when the listener starts
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) {
        this.resourceAdapter = ra;
    }
}
