package org.qvd.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RequiredResourceTest {

    @AfterEach
    void clearSwitch() {
        System.clearProperty(RequiredResource.PROPERTY);
    }

    @Test
    void aDevelopersRunSkipsSayingWhatIsMissing() {
        System.setProperty(RequiredResource.PROPERTY, "false");
        assertThatThrownBy(() -> RequiredResource.present("nxagent is not installed"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("nxagent is not installed");
    }

    @Test
    void aRequiredRunFailsWithTheSameReasonAndHowToProvideIt() {
        System.setProperty(RequiredResource.PROPERTY, "true");
        assertThatThrownBy(() -> RequiredResource.executable(Path.of("/nonexistent/nxproxy"), "nxproxy"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("/nonexistent/nxproxy is not installed (apt: nxproxy)")
                .hasMessageContaining(".ci/setup-machine");
    }

    @Test
    void anOptionalPartIsLeftOutOnlyWhereNotRequired() {
        System.setProperty(RequiredResource.PROPERTY, "false");
        assertThat(RequiredResource.partPresent("the session part", "nxagent is not installed"))
                .isFalse();
        assertThat(RequiredResource.partPresent("the session part", null)).isTrue();
        System.setProperty(RequiredResource.PROPERTY, "true");
        assertThatThrownBy(() -> RequiredResource.partPresent("the session part", "nxagent is not installed"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("the session part: nxagent is not installed");
    }

    @Test
    void nothingMissingRunsTheTestEitherWay() {
        System.setProperty(RequiredResource.PROPERTY, "true");
        assertThatCode(() -> RequiredResource.present(null)).doesNotThrowAnyException();
        assertThatCode(() -> RequiredResource.executable(Path.of("/bin/sh"), "dash"))
                .doesNotThrowAnyException();
    }
}
