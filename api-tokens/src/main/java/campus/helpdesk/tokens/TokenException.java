package campus.helpdesk.tokens;

/**
 * A request about tokens that cannot be met (a bad name, a name in use, an unknown name). The message is for the
 * person who asked; {@link #field()} names what was wrong, for a problem document.
 */
public class TokenException extends RuntimeException {

    public enum Kind { INVALID, CONFLICT, NOT_FOUND }

    private final Kind kind;
    private final String field;

    public TokenException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
