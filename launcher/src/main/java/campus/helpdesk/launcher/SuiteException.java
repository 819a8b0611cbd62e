package campus.helpdesk.launcher;

/** The suite could not start or a service could not be reached; the message says which and why. */
public class SuiteException extends RuntimeException {

    public SuiteException(String message) {
        super(message);
    }

    public SuiteException(String message, Throwable cause) {
        super(message, cause);
    }
}
