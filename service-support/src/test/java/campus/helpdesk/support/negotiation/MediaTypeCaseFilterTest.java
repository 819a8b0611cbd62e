package campus.helpdesk.support.negotiation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rewrite itself; that the services then answer TEXT/CSV and read MULTIPART/FORM-DATA is tested where they do. */
class MediaTypeCaseFilterTest {

    @Test
    void typesAreLowerCasedAndParametersKeptAsTheyCame() {
        assertThat(MediaTypeCaseFilter.lowered("TEXT/CSV")).isEqualTo("text/csv");
        assertThat(MediaTypeCaseFilter.lowered("Text/Csv;q=0.5, APPLICATION/json;Q=0.1"))
                .isEqualTo("text/csv;q=0.5, application/json;Q=0.1");
        assertThat(MediaTypeCaseFilter.lowered("MULTIPART/FORM-DATA; boundary=----AbC"))
                .isEqualTo("multipart/form-data; boundary=----AbC");
    }

    @Test
    void aCommaOrSemicolonInsideQuotesEndsNothing() {
        assertThat(MediaTypeCaseFilter.lowered("application/json; profile=\"https://x/A,B;C\", TEXT/HTML"))
                .isEqualTo("application/json; profile=\"https://x/A,B;C\", text/html");
        assertThat(MediaTypeCaseFilter.lowered("a/b; x=\"q\\\"C,D\", E/F")).isEqualTo("a/b; x=\"q\\\"C,D\", e/f");
    }
}
