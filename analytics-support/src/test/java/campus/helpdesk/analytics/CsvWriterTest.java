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

    @Test
    void textThatStartsLikeAFormulaStaysTextButNumbersStayNumbers() {
        StringBuilder csv = new StringBuilder();
        CsvWriter.appendField(csv, "=HYPERLINK(\"http://evil.example\",\"x\")");
        assertThat(csv).hasToString("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
        for (String text : new String[] {"+A1", "-2+3", "@SUM(A1)", "\tx"}) {
            StringBuilder field = new StringBuilder();
            CsvWriter.appendField(field, text);
            assertThat(field.toString()).as(text).startsWith("'");
        }
        StringBuilder negative = new StringBuilder();
        CsvWriter.appendField(negative, -3);
        CsvWriter.appendField(negative, -0.5);
        CsvWriter.appendField(negative, "+01:00");
        assertThat(negative).hasToString("-3-0.5+01:00");
    }
}
