package campus.helpdesk.analytics;

/** A query parameter the analytics services cannot answer for; rendered as 400 problem+json naming it. */
public final class BadParameter extends RuntimeException {

    private final String parameter;

    public BadParameter(String parameter, String detail) {
        super(detail, null, false, false);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
