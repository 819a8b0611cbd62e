package campus.helpdesk.analytics;

import java.util.List;

/**
 * An answer that can also be given as CSV ({@code Accept: text/csv}): one header row and rows of plain values
 * (null → empty field). {@link CsvWriter} does the quoting, once for every service.
 */
public interface CsvAnswer {

    List<String> csvHeader();

    List<List<Object>> csvRows();
}
