package org.qvd.vmas.account.entity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.qvd.vmas.platform.TestIds;
import org.qvd.vmas.platform.error.InvalidStateException;

class TenantTest {

    @Test
    void refusesToBlockRenameOrDeleteTheSuperadminTenant() {
        Tenant star = TestIds.set(new Tenant("*", null), 0L);
        assertThatThrownBy(star::block).isInstanceOf(InvalidStateException.class);
        assertThatThrownBy(() -> star.rename("x")).isInstanceOf(InvalidStateException.class);
        assertThatThrownBy(star::checkDeletable).isInstanceOf(InvalidStateException.class);
    }

    @Test
    void refusesToDeleteTheDefaultTenant() {
        Tenant dflt = TestIds.set(new Tenant("default", null), 1L);
        assertThatThrownBy(dflt::checkDeletable).isInstanceOf(InvalidStateException.class);
    }
}
