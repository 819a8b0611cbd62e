package campus.helpdesk.api;

/**
 * The one rule for free text in a request body: any character a person can type, including line breaks and tabs,
 * but no other control character. NUL ({@code \u0000}) in particular cannot be stored in PostgreSQL text; the
 * rest have no place in a title or a message and only make trouble in logs and CSV. Used as
 * {@code @Pattern(regexp = Text.PLAIN, message = Text.PLAIN_MESSAGE)} on every text field of the contract, so that
 * a violation is a 400 naming the field.
 */
public final class Text {

    /** No C0 control character except tab, line feed and carriage return; no DEL. */
    public static final String PLAIN = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    public static final String PLAIN_MESSAGE = "Please use ordinary text only: control characters such as NUL "
            + "cannot be stored.";

    /**
     * Text that shows something: at least one character that is not a space of any kind (including the no-break and
     * ideographic ones), a control or an invisible format character (zero-width space, direction marks). Blank-looking
     * text passes {@code @NotBlank}, which only knows ASCII white space; a title of three zero-width spaces would
     * be a ticket no one can find or read. Fillers that render as nothing (Hangul fillers, the blank braille
     * pattern) and combining marks with nothing to combine with count as blank too. Used beside {@code @NotBlank}
     * on text that must say something.
     */
    public static final String VISIBLE = "(?s).*[^\\s\\p{Z}\\p{Cf}\\p{Cc}\\p{Mn}\\u115F\\u1160\\u3164\\uFFA0\\u2800].*";

    private Text() {
    }
}
