package campus.helpdesk.demo;

/** Demo data could not be loaded; the message says why in words a user can act on. */
public class DemoDataException extends RuntimeException {

    public DemoDataException(String message) {
        super(message);
    }

    public DemoDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
