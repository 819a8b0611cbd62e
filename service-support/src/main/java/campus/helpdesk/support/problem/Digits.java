package campus.helpdesk.support.problem;

/**
 * Numbers as clients write them: the digits 0-9, and a minus sign where a number may be negative. Java's parsers also
 * read other scripts' digits ("٣", the full-width "３") and a plus sign, so {@code /api/tickets/%D9%A3} was ticket 3
 * and {@code page=%EF%BC%93} page 3: a second spelling of every number, which no form produces.
 */
public final class Digits {

    private Digits() {
    }

    /** {@code text} is an optional minus and the digits 0-9 only. */
    public static boolean plain(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        if (text.length() == start) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code text} is what Java reads as a whole number but is not {@link #plain}: a plus sign, or foreign digits. */
    static boolean foreign(String text) {
        int start = text.startsWith("+") || text.startsWith("-") ? 1 : 0;
        if (text.length() == start) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return !plain(text);
    }
}
