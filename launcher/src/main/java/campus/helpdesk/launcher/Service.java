package campus.helpdesk.launcher;

/** The five services of Campus Helpdesk, each a Maven module with a runnable {@code -all.jar}. */
public enum Service {
    GATEWAY("gateway", 8080, "/health"),
    TICKET_SERVICE("ticket-service", 8081, "/health"),
    OPEN_PERIOD("analytics-open-period", 8082, "/health"),
    RESOLUTION_TIME("analytics-resolution-time", 8083, "/health"),
    CATEGORY("analytics-category", 8084, "/health");

    private final String module;
    private final int defaultPort;
    private final String healthPath;

    Service(String module, int defaultPort, String healthPath) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.healthPath = healthPath;
    }

    /** The Maven module, which is also the name its log lines are prefixed with. */
    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String healthPath() {
        return healthPath;
    }
}
