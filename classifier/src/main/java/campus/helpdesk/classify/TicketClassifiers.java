package campus.helpdesk.classify;

/** Where the rest of the system gets its classifier from. */
public final class TicketClassifiers {

    private TicketClassifiers() {
    }

    /** The classifier trained on the corpus shipped in this module. */
    public static TicketClassifier standard() {
        return KeywordClassifier.INSTANCE;
    }
}
