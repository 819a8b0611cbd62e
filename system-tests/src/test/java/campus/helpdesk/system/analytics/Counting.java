package campus.helpdesk.system.analytics;

/**
 * How a question counts the tickets linked to an incident, on both sides of a comparison: {@code EACH} ticket on
 * its own (the answers' default), or an {@code OUTAGE_ONCE} ({@code incidents=collapse}), where an incident and its
 * linked tickets count once, as the incident. The SQL side then reads, instead of the tickets table, the tickets
 * that count: those linked to no live incident (a ticket linked to a deleted incident counts on its own again).
 */
enum Counting {
    EACH("tickets", ""),
    OUTAGE_ONCE("""
            (SELECT * FROM tickets t
             WHERE t.incident_id IS NULL OR t.incident_id = t.id
                OR NOT EXISTS (SELECT 1 FROM tickets i WHERE i.id = t.incident_id AND i.deleted_at IS NULL)) tickets""",
            "incidents=collapse");

    private final String tickets;
    private final String parameter;

    Counting(String tickets, String parameter) {
        this.tickets = tickets;
        this.parameter = parameter;
    }

    /** What the SQL reads in place of {@code tickets}, under that name. */
    String tickets() {
        return tickets;
    }

    /** The answer's address asked this way: {@code path} may have a query already. */
    String ask(String path) {
        return parameter.isEmpty() ? path : path + (path.contains("?") ? "&" : "?") + parameter;
    }

    @Override
    public String toString() {
        return parameter.isEmpty() ? "each ticket" : parameter;
    }
}
