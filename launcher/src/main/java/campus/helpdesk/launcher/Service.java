package campus.helpdesk.launcher;

/** The five services of Campus Helpdesk, each a Maven module with a runnable {@code -all.jar}. */
public enum Service {
    // Heap ceilings (BENCHMARKS.md, "Memory and start-up"): each service uses a few tens of MB after the demo load;
    // the analytics services load the facts of every ticket from a snapshot, which at 1M tickets took up to 256 MB,
    // and analytics-resolution-time counts its model twice (each ticket, and an outage once) and ran out of 256 MB
    // when each count held its own copy of the facts; sharing them saved ~50 MB at 1M, and 512 MB stays its ceiling.
    GATEWAY("gateway", 8080, "/health", "128m"),
    TICKET_SERVICE("ticket-service", 8081, "/health", "256m"),
    OPEN_PERIOD("analytics-open-period", 8082, "/health", "256m"),
    RESOLUTION_TIME("analytics-resolution-time", 8083, "/health", "512m"),
    CATEGORY("analytics-category", 8084, "/health", "256m");

    private final String module;
    private final int defaultPort;
    private final String healthPath;
    private final String maxHeap;

    Service(String module, int defaultPort, String healthPath, String maxHeap) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.healthPath = healthPath;
        this.maxHeap = maxHeap;
    }

    /** The heap ceiling ({@code -Xmx}): a ceiling, not a reservation; the heap starts at 16 MB and grows on demand. */
    public String maxHeap() {
        return maxHeap;
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

    /**
     * What the supervisor asks a running process, to tell a hung one from a busy one: whether it answers at all, and
     * not whether its database is reachable. ticket-service's whole health waits for a pooled connection, which a
     * crowd of writers holds for seconds at a time; three such slow answers in a row got a busy service killed, and
     * every request failed for the 75 s of its restart (found by a tester with 40 writers on one ticket).
     */
    public String livenessPath() {
        return healthPath + "/liveness";
    }
}
