package campus.helpdesk.system.fuzz;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The kinds of damage the corpus does to a valid request; each request gets one (sometimes with extra fields). */
enum Mutation {
    /** A text field with a control character, or far too long. */
    TEXT,
    /** A field given an object or array. */
    WRONG_TYPE,
    /** An enum field given none of its constants. */
    ENUM,
    /** A number field out of range, or not a number. */
    NUMBER,
    /** A required field left out. */
    MISSING,
    /** Thousands of nested arrays in an extra field. */
    DEEP_NESTING,
    /** The valid body cut short. */
    BROKEN_JSON,
    /** Bytes that are not UTF-8 inside a string. */
    INVALID_UTF8,
    /** A raw NUL byte inside a string (JSON allows no raw control characters). */
    RAW_NUL,
    /** The valid body in UTF-16 or UTF-32 without a byte order mark (plain ASCII there is valid UTF-8 too). */
    WIDE_CHARSET,
    /** A body with another Content-Type, or none. */
    CONTENT_TYPE,
    /** A plain body said to be gzip or deflate, or said to be in an encoding the server does not decode. */
    CONTENT_ENCODING,
    /** A body just over the 1 MB every service accepts. */
    OVERSIZED,
    /** An id or name in the path that is negative, huge, not a number or not there. */
    PATH_ID,
    /** A version precondition that is no version. */
    IF_MATCH,
    IDEMPOTENCY_KEY,
    /** A query parameter with a bad value: dates, months, page and size, sort, NUL, invalid UTF-8, huge. */
    QUERY,
    ACCEPT,
    /** A method no route has. */
    METHOD,
    /** Garbage segments after the path. */
    BAD_PATH,
    /** A proxy header the framework cannot read, with an Origin (whose check reads it) half of the time. */
    FORWARDED;

    static final Set<Mutation> BODY_STRUCTURE = EnumSet.of(DEEP_NESTING, BROKEN_JSON, INVALID_UTF8, RAW_NUL,
            WIDE_CHARSET, CONTENT_ENCODING);
    static final Set<Mutation> ALWAYS_REFUSED = EnumSet.of(CONTENT_TYPE, OVERSIZED, METHOD, BAD_PATH,
            FORWARDED);

    static Set<Mutation> applicable(String method, String path, boolean write, boolean hasQuery,
                                    Map<String, Endpoint.Field> fields) {
        Set<Mutation> set = EnumSet.copyOf(ALWAYS_REFUSED);
        if (path.contains("{id}") || path.contains("{name}")) {
            set.add(PATH_ID);
        }
        if (!fields.isEmpty()) {
            set.addAll(BODY_STRUCTURE);
            set.add(WRONG_TYPE);
            if (fields.values().stream().anyMatch(f -> f.type() == Endpoint.Type.TEXT)) {
                set.add(TEXT);
            }
            if (fields.values().stream().anyMatch(f -> f.type() == Endpoint.Type.ENUM)) {
                set.add(ENUM);
            }
            if (fields.values().stream().anyMatch(f -> f.type() == Endpoint.Type.NUMBER)) {
                set.add(NUMBER);
            }
            if (fields.values().stream().anyMatch(Endpoint.Field::required)) {
                set.add(MISSING);
            }
        }
        if (hasQuery) {
            set.add(QUERY);
        }
        if (!write) {
            set.add(ACCEPT);
        }
        if (method.equals("PATCH") || path.endsWith("/status") || path.endsWith("/assignee")) {
            set.add(IF_MATCH);
        }
        // Bad keys on every write that takes one: a new ticket and a new message.
        if (method.equals("POST") && (path.equals("/api/tickets") || path.equals("/api/tickets/{id}/messages"))) {
            set.add(IDEMPOTENCY_KEY);
        }
        return set;
    }
}
