package campus.helpdesk.launcher;

/** A port the suite needs is taken, most often by a Campus Helpdesk that is already running. */
public class PortInUseException extends SuiteException {

    public PortInUseException(String what, int port) {
        super("Port " + port + " (" + what + ") is already in use. Is Campus Helpdesk already running? "
                + "Stop the process listening on " + port + " and try again.");
    }
}
