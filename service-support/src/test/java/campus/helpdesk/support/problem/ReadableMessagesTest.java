package campus.helpdesk.support.problem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The framework's own error messages, as a person reads them: no class names, settings or parser internals. */
class ReadableMessagesTest {

    @Test
    void aFrameworkMessageReadsWithoutItsInternals() {
        assertThat(ProblemResponses.readable(
                "Failed to convert argument [id] for value [abc] due to: For input string: \"abc\""))
                .isEqualTo("must be a whole number");
        assertThat(ProblemResponses.readable("Required argument [StreamingFileUpload file] not specified"))
                .isEqualTo("is required");
        assertThat(ProblemResponses.readable("Document nesting depth (1001) exceeds the maximum allowed (1000, from "
                + "`StreamReadConstraints.getMaxNestingDepth()`)")).isEqualTo("is nested too deeply (at most 1,000 levels)");
        assertThat(ProblemResponses.readable("The content length [10485761] exceeds the maximum allowed bufferable "
                + "length [10485760]. Note that the maximum buffer size got its own configuration property "
                + "(micronaut.server.max-request-buffer-size) in 4.5.0."))
                .isEqualTo("The content length [10485761] exceeds the maximum allowed bufferable length [10485760].");
    }
}
