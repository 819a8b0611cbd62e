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

    private Text() {
    }
}
