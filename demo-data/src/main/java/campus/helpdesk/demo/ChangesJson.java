package campus.helpdesk.demo;

import campus.helpdesk.api.FieldChange;

import java.util.List;

/**
 * An event's field changes as the JSON array ticket-service stores ({@code [{"field":…,"from":…,"to":…}]}, nulls
 * written out). Hand-written because this module carries no JSON library, and jsonb keeps the value, not the
 * spelling, so what PostgreSQL stores is the same either way.
 */
final class ChangesJson {

    private ChangesJson() {
    }

    static String of(List<FieldChange> changes) {
        StringBuilder json = new StringBuilder(32 + 48 * changes.size()).append('[');
        for (FieldChange change : changes) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"field\":");
            string(json, change.field());
            json.append(",\"from\":");
            string(json, change.from());
            json.append(",\"to\":");
            string(json, change.to());
            json.append('}');
        }
        return json.append(']').toString();
    }

    private static void string(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
            return;
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
