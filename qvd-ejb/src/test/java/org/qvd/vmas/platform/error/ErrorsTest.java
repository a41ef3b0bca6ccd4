package org.qvd.vmas.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.qvd.vmas.vm.entity.VmError;

class ErrorsTest {

    @Test
    void keepsQvdExceptionsAndUnwrapsEjbExceptions() {
        NotFoundException notFound = new NotFoundException(VmError.NOT_FOUND, 7L);
        assertThat(Errors.translate(notFound)).isSameAs(notFound);
        assertThat(Errors.translate(new EJBException(notFound))).isSameAs(notFound);
        assertThat(notFound.code()).isEqualTo("vm.not_found");
        assertThat(notFound.status()).isEqualTo(404);
    }

    @Test
    void mapsDatabaseConstraintViolationsToConflicts() {
        SQLException unique = new SQLException("duplicate key value violates unique constraint \"uk_vm_ip\"", "23505");
        QvdException e = Errors.translate(new PersistenceException(new RuntimeException(unique)));
        assertThat(e.code()).isEqualTo("duplicate");
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.getMessage()).contains("uk_vm_ip");
        assertThat(Errors.translate(new PersistenceException(new SQLException("fk", "23503")))
                        .code())
                .isEqualTo("in_use");
    }

    @Test
    void mapsConcurrentUpdates() {
        assertThat(Errors.translate(new OptimisticLockException()).code()).isEqualTo("concurrent_update");
    }

    @Test
    void hidesUnexpectedErrorsBehindAnErrorId() {
        QvdException e = Errors.translate(new IllegalStateException("secret detail"));
        assertThat(e.code()).isEqualTo("internal");
        assertThat(e.status()).isEqualTo(500);
        assertThat(e.getMessage()).doesNotContain("secret detail").matches("internal error [0-9a-f-]{36}");
    }
}
