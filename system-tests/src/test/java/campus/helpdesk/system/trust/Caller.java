package campus.helpdesk.system.trust;

/** The columns of the route × caller matrix: everyone who may knock at the gateway. */
enum Caller {
    NO_SESSION(null, false),
    STUDENT("STUDENT", false),
    STAFF("STAFF", false),
    ANALYST("ANALYST", false),
    ANALYST_TOKEN("ANALYST", true),
    STAFF_TOKEN("STAFF", true),
    REVOKED_TOKEN(null, true),
    EXPIRED_TOKEN(null, true),
    /** No session, but the identity headers the services believed before they checked tokens. */
    FORGED_IDENTITY_HEADERS(null, false),
    /** A staff session whose request comes from another site's page. */
    FOREIGN_ORIGIN("STAFF", false);

    /** The role the gateway should grant, or null when it must grant none. */
    final String role;
    final boolean token;

    Caller(String role, boolean token) {
        this.role = role;
        this.token = token;
    }
}
