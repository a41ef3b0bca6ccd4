package org.qvd.api.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.JsonbException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.error.NotFoundException;
import org.qvd.vmas.platform.error.PlatformError;
import org.qvd.vmas.platform.error.QvdException;
import org.qvd.vmas.vm.entity.VmError;

/** The RFC 9457 problem+json body a REST client gets for each kind of failure. */
class ProblemsTest {

    private static final String INSTANCE = "/api/v1/vms/7";

    @Test
    void aMissingObjectIsA404WithItsStableCodeAsType() {
        Problem p = Problems.fromService(new NotFoundException(VmError.NOT_FOUND, 7), INSTANCE);
        assertThat(p.status()).isEqualTo(404);
        assertThat(p.title()).isEqualTo("Not found");
        assertThat(p.code()).isEqualTo("vm.not_found");
        assertThat(p.type()).isEqualTo("urn:qvd:error:vm.not_found");
        assertThat(p.detail()).isEqualTo("vm 7 not found");
        assertThat(p.instance()).isEqualTo(INSTANCE);
        assertThat(p.errorId()).isNull();
        assertThat(p.violations()).isNull();
    }

    @Test
    void invalidInputListsEachViolation() {
        List<String> lines = List.of("name: must not be blank", "memoryMb: must be greater than 0");
        Problem p = Problems.fromService(
                new InvalidInputException(PlatformError.VALIDATION_FAILED, "invalid input", lines), INSTANCE);
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.title()).isEqualTo("Invalid request");
        assertThat(p.code()).isEqualTo("validation.failed");
        assertThat(p.violations()).containsExactlyElementsOf(lines);
    }

    @Test
    void anUnexpectedErrorIsA500ThatNeverEchoesItsMessageButGivesAnErrorId() {
        Problem p = Problems.fromService(new IllegalStateException("jdbc:postgresql://db password=hunter2"), INSTANCE);
        assertThat(p.status()).isEqualTo(500);
        assertThat(p.title()).isEqualTo("Server error");
        assertThat(p.code()).isEqualTo("internal");
        assertThat(p.detail()).doesNotContain("hunter2").doesNotContain("jdbc").contains("error id");
        assertThat(p.errorId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void theErrorIdIsTheOneTheVmasLoggedTakenFromItsFieldNotFromTheMessage() {
        Problem p = Problems.fromService(
                QvdException.internal("3f0c2b7e-1111-4222-8333-944455556666", new IllegalStateException("secret")),
                INSTANCE);
        assertThat(p.status()).isEqualTo(500);
        assertThat(p.errorId()).isEqualTo("3f0c2b7e-1111-4222-8333-944455556666");
        assertThat(p.detail()).doesNotContain("secret");
    }

    @Test
    void aBodyThatIsNotJsonIsA400ThatDoesNotQuoteTheBody() {
        Problem p =
                Problems.fromService(new JsonbException("Unexpected char 'x' in {\"password\":\"s3cret\"x"), INSTANCE);
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.code()).isEqualTo("request.malformed");
        assertThat(p.detail()).isEqualTo("the request body could not be read as JSON");
    }

    @Test
    void aNumberOutOfRangeSaysWhichRange() {
        Problem p =
                Problems.fromService(new RuntimeException(new StrictNumbers.OutOfRange("a 32-bit integer")), INSTANCE);
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.detail())
                .isEqualTo("a number in the request is not a whole number within the range of " + "a 32-bit integer");
    }

    @Test
    void aBodyOverTheLimitIsA413SayingTheLimit() {
        Problem p = Problems.fromService(new UncheckedIOException(new BodySizeFilter.TooLarge(1024)), INSTANCE);
        assertThat(p.status()).isEqualTo(413);
        assertThat(p.title()).isEqualTo("Request too large");
        assertThat(p.code()).isEqualTo("request.too_large");
        assertThat(p.detail()).isEqualTo("the request body is larger than 1024 bytes");
    }
}
