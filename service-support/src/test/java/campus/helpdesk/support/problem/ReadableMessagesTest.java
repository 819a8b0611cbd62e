package campus.helpdesk.support.problem;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
                .isEqualTo("the request body is more than 10485760 bytes; at most that many are accepted");
        assertThat(ProblemResponses.readable("Length of buffered form field exceeds configured limit of [16384]"))
                .isEqualTo("a part of the form has headers of more than 16384 bytes, most likely a file's name: send "
                        + "it shorter (a name is kept to 255 characters anyway)");
        assertThat(ProblemResponses.readable(
                "No enum constant io.micronaut.management.health.indicator.HealthCheckType.x"))
                .isEqualTo("'x' is not one of the values it takes");
        assertThat(ProblemResponses.readable("No enum constant io.micronaut.Foo.liv\u0000e"))
                .isEqualTo("'live' is not one of the values it takes");
        assertThat(ProblemResponses.readable("Name length (65536) exceeds the maximum allowed (50000, from "
                + "`StreamReadConstraints.getMaxNameLength()`)"))
                .isEqualTo("a member's name may have at most 50000 characters");
        assertThat(ProblemResponses.readable("cannot read io.netty.buffer.ByteBuf here")).doesNotContain("io.netty")
                .doesNotContain("ByteBuf");
    }

    /** The JSON parser's own words, as clients met them: its settings and feature names are not the client's. */
    @Test
    void theParsersMessagesReadWithoutItsSettings() {
        assertThat(ProblemResponses.readable("Unexpected end-of-input: expected close marker for Object (start marker "
                + "at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: "
                + "1])")).isEqualTo("the JSON ends before it is complete (a string, object or list is not closed)");
        assertThat(ProblemResponses.readable("Unexpected end-of-input in VALUE_STRING"))
                .isEqualTo("the JSON ends before it is complete (a string, object or list is not closed)");
        assertThat(ProblemResponses.readable("Non-standard token 'NaN': enable "
                + "`JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow")).isEqualTo("'NaN' is not a JSON number");
        assertThat(ProblemResponses.readable("Unexpected character ('/' (code 47)): maybe a (non-standard) comment? "
                + "(not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)"))
                .isEqualTo("unexpected character '/': maybe a (non-standard) comment?");
        assertThat(ProblemResponses.readable("Invalid JSON: Unexpected character ('/' (code 47)): maybe a (non-standard) "
                + "comment?")).isEqualTo("is not valid JSON: unexpected character '/': maybe a (non-standard) comment?");
        assertThat(ProblemResponses.readable("Invalid JSON: Non-standard token 'NaN'"))
                .isEqualTo("is not valid JSON: 'NaN' is not a JSON number");
        assertThat(ProblemResponses.readable("Unexpected character ('}' (code 125)): was expecting double-quote to "
                + "start field name")).isEqualTo("unexpected character '}': expected double-quote to start field name");
        assertThat(ProblemResponses.readable("Unrecognized token 'tru': was expecting (JSON String, Number, Array, "
                + "Object or token 'null', 'true' or 'false')"))
                .isEqualTo("'tru' is not JSON: expected a string, number, list, object, true, false or null");
        assertThat(ProblemResponses.readable("Illegal character ((CTRL-CHAR, code 0)): only regular white space "
                + "(\\r, \\n, \\t) is allowed between tokens"))
                .isEqualTo("holds a control character (code 0) between its values, where only spaces and line breaks "
                        + "may stand");
        assertThat(ProblemResponses.readable("Number value length (5001) exceeds the maximum allowed (1000, from "
                + "`StreamReadConstraints.getMaxNumberLength()`)")).isEqualTo("a number may have at most 1000 digits");
        assertThat(ProblemResponses.readable("Error decoding property [String title] of type : Illegal unquoted "
                + "character ((CTRL-CHAR, code 9)): has to be escaped using backslash to be included in string value"))
                .isEqualTo("holds a control character (code 9) that JSON text must escape: write it as \\u0009 or \\t");
        assertThat(ProblemResponses.readable("Required Body [ticket] not specified")).isEqualTo("is required");
        assertThat(ProblemResponses.readable("Failed to convert argument [thumbnail] for value [[true, false]] due "
                + "to: Cannot convert an iterable with more than 1 value to a non collection object"))
                .isEqualTo("must be given once");
    }

    /**
     * A value of the client's, quoted in the message, cannot make the cleaning slow: it is bounded and linear. The
     * limit is a guard against a hang (quadratic cleaning took minutes here), not a measure of speed.
     */
    @Test
    void aLongRunOfSpacesInAQuotedValueIsCleanedWithoutHanging() {
        String spaces = " ".repeat(130_000);
        String text = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> ProblemResponses.readable(
                "Failed to convert argument [id] for value [" + spaces + "x] due to: For input string: \"" + spaces
                        + "x\""));
        assertThat(text).isEqualTo("must be a whole number");
        assertThat(ProblemResponses.readable("Cannot deserialize value of type `java.lang.Integer` due to: bad"))
                .isEqualTo("bad");
    }
}
