package campus.helpdesk.ticket.lifecycle;

import campus.helpdesk.support.problem.Digits;
import campus.helpdesk.ticket.problem.Problems;
import io.micronaut.core.annotation.Nullable;

/** The version a write is based on, from If-Match (3, "3" or W/"3") or the body; they must agree if both are sent. */
final class IfMatch {

    private IfMatch() {
    }

    static @Nullable Long version(@Nullable String ifMatch, @Nullable Long bodyVersion) {
        Long header = parse(ifMatch);
        if (header != null && bodyVersion != null && !header.equals(bodyVersion)) {
            throw Problems.badInput("version", "If-Match says " + header + " but the body says " + bodyVersion);
        }
        return header != null ? header : bodyVersion;
    }

    static @Nullable Long parse(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Digits.plain(value) ? Long.parseLong(value) : -1;
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw Problems.badInput("If-Match", "must be the ticket's version, e.g. 3 or \"3\"");
        }
    }
}
