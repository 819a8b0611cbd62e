package campus.helpdesk.analytics;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTest {

    @Test
    void writesAHeaderRowThenRowsWithCrLfAndEmptyFieldsForNull() {
        CsvAnswer answer = new CsvAnswer() {
            @Override
            public List<String> csvHeader() {
                return List.of("month", "closed", "medianHours");
            }

            @Override
            public List<List<Object>> csvRows() {
                return List.of(Arrays.asList("2026-05", 3, 1.5), Arrays.asList("2026-06", 0, null));
            }
        };
        assertThat(CsvWriter.render(answer)).isEqualTo("month,closed,medianHours\r\n2026-05,3,1.5\r\n2026-06,0,\r\n");
    }

    @Test
    void quotesFieldsWithCommasQuotesOrLineBreaksAsRfc4180Says() {
        StringBuilder csv = new StringBuilder();
        CsvWriter.appendField(csv, "Room \"A\", floor 2\nleft");
        assertThat(csv).hasToString("\"Room \"\"A\"\", floor 2\nleft\"");
    }
}
