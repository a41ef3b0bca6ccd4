package org.qvd.vma.session.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.qvd.vma.session.control.ParameterInvalidException;

class VmaHttpServerQueryTest {

    @Test
    void decodesRepeatedPairs() {
        assertThat(VmaHttpServer.query("a=1&b=x%2Cy&c=&d"))
                .containsEntry("a", "1")
                .containsEntry("b", "x,y")
                .containsEntry("c", "")
                .containsEntry("d", "");
    }

    @Test
    void refusesAParameterGivenTwice() {
        assertThatThrownBy(() -> VmaHttpServer.query("qvd.vm.user.name=a&qvd.vm.user.name=root"))
                .isInstanceOfSatisfying(
                        ParameterInvalidException.class,
                        e -> assertThat(e.parameter()).isEqualTo("qvd.vm.user.name"));
    }

    @Test
    void refusesBadEncoding() {
        assertThatThrownBy(() -> VmaHttpServer.query("a=%zz")).isInstanceOf(ParameterInvalidException.class);
    }
}
