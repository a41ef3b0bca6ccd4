package org.qvd.wat.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import org.junit.jupiter.api.Test;
import org.qvd.vmas.account.entity.AccountError;
import org.qvd.vmas.platform.error.NotFoundException;
import org.qvd.vmas.platform.error.QvdException;
import org.qvd.vmas.vm.entity.VmError;

/** The text an administrator reads in the WAT when an action fails (English: no view, so no Spanish locale). */
class FeedbackTest {

    @Test
    void aKnownErrorCodeIsTranslatedAndNamesTheCode() {
        assertThat(Feedback.describe(new QvdException(VmError.DUPLICATE, 409, "duplicate: vm_user_name_key")))
                .isEqualTo("The user already has a VM with that name. [vm.duplicate]");
    }

    @Test
    void anUntranslatedCodeShowsTheServicesOwnText() {
        assertThat(Feedback.describe(new NotFoundException(VmError.NOT_FOUND, 7)))
                .isEqualTo("vm 7 not found [vm.not_found]");
    }

    @Test
    void theServiceErrorIsFoundInsideTheEjbWrapper() {
        assertThat(Feedback.describe(
                        new EJBException(new EJBException(new NotFoundException(AccountError.USER_NOT_FOUND, "bob")))))
                .isEqualTo("user bob not found [user.not_found]");
    }

    @Test
    void aRefusedCallSaysSoWithoutDetails() {
        assertThat(Feedback.describe(new EJBAccessException("WFLYEJB0364: Invocation on method ... not allowed")))
                .isEqualTo("You are not allowed to do this.");
        assertThat(Feedback.describe(new SecurityException("ELY01151: no role")))
                .isEqualTo("You are not allowed to do this.");
    }

    @Test
    void anUnexpectedFailureShowsOnlyAnErrorIdNeverTheCause() {
        String text = Feedback.describe(new IllegalStateException("jdbc:postgresql://db password=hunter2"));
        assertThat(text)
                .matches("Unexpected error; the server log has the details under id "
                        + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.");
        assertThat(text).doesNotContain("hunter2").doesNotContain("jdbc");
        assertThat(Feedback.describe(new IllegalStateException("x")))
                .as("a fresh id per failure")
                .isNotEqualTo(text);
    }
}
