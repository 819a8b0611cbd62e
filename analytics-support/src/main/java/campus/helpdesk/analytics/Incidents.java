package campus.helpdesk.analytics;

import java.util.Locale;

/**
 * How an answer counts the tickets linked to an incident (issue 18): {@code EACH} ticket on its own (the default, as
 * before incidents existed), or {@code COLLAPSE}: an incident and its linked tickets count once, through the
 * incident's own facts. A linked ticket whose incident the read model does not hold (deleted, or not in the feed
 * yet) still counts on its own, so no ticket silently vanishes from the figures.
 */
public enum Incidents {
    EACH, COLLAPSE;

    public static final String PARAMETER = "incidents";
    public static final String DESCRIPTION = "collapse: an incident and the tickets linked to it count once, as the "
            + "incident (a linked ticket whose incident is unknown counts on its own); each (default): every ticket";

    /** The query parameter: absent or blank → {@code EACH}; otherwise "each" or "collapse", case-insensitive. */
    public static Incidents parse(String value) {
        if (value == null || value.isBlank()) {
            return EACH;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "each" -> EACH;
            case "collapse" -> COLLAPSE;
            default -> throw Parameters.bad(PARAMETER, "Parameter '" + PARAMETER
                    + "' must be 'collapse' (an incident with its linked tickets counts once) or 'each', got '"
                    + (value.length() <= 40 ? value : value.substring(0, 40) + "…") + "'");
        };
    }
}
