package campus.helpdesk.system.fuzz;

import campus.helpdesk.launcher.Service;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One endpoint as the corpus knows it: where it lives, a valid request (body fields, query parameters), and which
 * mutations apply. {@code write} marks a request that changes state when valid; for those the corpus uses only
 * mutations that always make the request invalid.
 */
record Endpoint(Service service, String method, String path, Map<String, Field> fields,
                Map<String, String> query, boolean write, Set<Mutation> mutations) {

    enum Type { TEXT, ENUM, NUMBER, BOOLEAN }

    /** A body field with its valid value as JSON. */
    record Field(Type type, boolean required, String validJson) {
    }

    static Field text(boolean required, String value) {
        return new Field(Type.TEXT, required, "\"" + value + "\"");
    }

    static Field enumeration(boolean required, String value) {
        return new Field(Type.ENUM, required, "\"" + value + "\"");
    }

    static Field number(boolean required, long value) {
        return new Field(Type.NUMBER, required, String.valueOf(value));
    }

    /** A list of ticket ids; mutated like a number (a bad number, or no list at all, in its place). */
    static Field ids(boolean required, long value) {
        return new Field(Type.NUMBER, required, "[" + value + "]");
    }

    static Field bool(boolean value) {
        return new Field(Type.BOOLEAN, false, String.valueOf(value));
    }

    static Map<String, Field> fields(Object... nameAndField) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameAndField.length; i += 2) {
            fields.put((String) nameAndField[i], (Field) nameAndField[i + 1]);
        }
        return fields;
    }

    static Map<String, String> query(String... nameAndValue) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < nameAndValue.length; i += 2) {
            query.put(nameAndValue[i], nameAndValue[i + 1]);
        }
        return query;
    }

    static Endpoint read(Service service, String path, Map<String, String> query) {
        return new Endpoint(service, "GET", path, Map.of(), query, false, Mutation.applicable("GET", path, false,
                !query.isEmpty(), Map.of()));
    }

    static Endpoint body(Service service, String method, String path, Map<String, Field> fields, boolean write) {
        return new Endpoint(service, method, path, fields, Map.of(), write, Mutation.applicable(method, path, write,
                false, fields));
    }

    static Endpoint only(Service service, String method, String path, Map<String, Field> fields,
                         Set<Mutation> mutations) {
        return new Endpoint(service, method, path, fields, Map.of(), true, EnumSet.copyOf(mutations));
    }

    List<Mutation> mutationList() {
        return List.copyOf(mutations);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
