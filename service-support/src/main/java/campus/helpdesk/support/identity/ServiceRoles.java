package campus.helpdesk.support.identity;

/**
 * The roles a service token can carry (its {@code roles} claim). People's roles are minted by the gateway from a
 * session or an API token; FEED and GATEWAY are services speaking for themselves.
 */
public final class ServiceRoles {
    public static final String STUDENT = "STUDENT";
    public static final String STAFF = "STAFF";
    public static final String ANALYST = "ANALYST";
    /** A change-feed follower (an analytics service, the gateway's live stream): reads the feed and nothing else. */
    public static final String FEED = "FEED";
    /** The gateway itself, asking ticket-service whether an API token is valid. */
    public static final String GATEWAY = "GATEWAY";
    /**
     * A delivery to the webhook intake, forwarded by the gateway for anyone: it proves nothing about its sender,
     * whom ticket-service recognises by the body's signature alone.
     */
    public static final String INTAKE = "INTAKE";

    private ServiceRoles() {
    }
}
