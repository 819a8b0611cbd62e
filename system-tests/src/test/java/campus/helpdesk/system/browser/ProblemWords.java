package campus.helpdesk.system.browser;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a person must never read, taken from the code rather than from a list kept by hand: the field names of the
 * contract's records (ticket-api, and the gateway's sign-in) followed by a colon ("title: ..."), dotted or
 * camelCase names ("x.y:", "categorySource"), and the contract's enum constants as they travel (AUTO, MEDIUM).
 * IT is left out: it is also the category's own word. And every error status the services' code answers with.
 */
final class ProblemWords {

    /** The reactor's root: the browser tests run in system-tests. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path CONTRACT = ROOT.resolve("ticket-api/src/main/java/campus/helpdesk/api");
    private static final Set<String> SIGN_IN_FIELDS = Set.of("name", "role", "staffCode");

    private static final Pattern FIELD_PATH;
    private static final Pattern ENUM_NAME;

    static {
        Set<String> fields = new TreeSet<>(SIGN_IN_FIELDS);
        Set<String> enums = new TreeSet<>();
        for (Class<?> type : contractTypes()) {
            if (type.isRecord()) {
                Arrays.stream(type.getRecordComponents()).forEach(c -> fields.add(c.getName()));
            } else if (type.isEnum()) {
                Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).forEach(enums::add);
            }
        }
        enums.remove("IT");
        FIELD_PATH = Pattern.compile("\\b(" + String.join("|", fields) + ")\\s*:|\\b\\w+\\.\\w+\\s*:"
                + "|\\b[a-z]+[A-Z]\\w*\\b");
        ENUM_NAME = Pattern.compile("\\b(" + String.join("|", enums) + ")\\b");
    }

    private ProblemWords() {
    }

    /** The first field path in {@code text}, or null. */
    static @Nullable String fieldPathIn(String text) {
        Matcher m = FIELD_PATH.matcher(text);
        return m.find() ? m.group() : null;
    }

    /** The first enum constant of the contract in {@code text}, or null. */
    static @Nullable String enumNameIn(String text) {
        Matcher m = ENUM_NAME.matcher(text);
        return m.find() ? m.group() : null;
    }

    /**
     * Every 4xx/5xx status named in the services' main code (HttpStatus.X), plus the ones the framework answers by
     * itself before any of that code runs (no route, wrong method or media type, a body over the limit, a crash).
     */
    static Set<Integer> statusesInTheCode() {
        Pattern named = Pattern.compile("HttpStatus\\.([A-Z_]+)\\b");
        Set<Integer> codes = new TreeSet<>(Set.of(400, 404, 405, 406, 413, 415, 500));
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/"))
                    .forEach(p -> {
                        Matcher m = named.matcher(read(p));
                        while (m.find()) {
                            try {
                                int code = HttpStatus.valueOf(m.group(1)).getCode();
                                if (code >= 400) {
                                    codes.add(code);
                                }
                            } catch (IllegalArgumentException notAStatus) {
                                // e.g. HttpStatus.valueOf itself
                            }
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return codes;
    }

    private static Set<Class<?>> contractTypes() {
        try (Stream<Path> files = Files.list(CONTRACT)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java"))
                    .map(n -> load("campus.helpdesk.api." + n.substring(0, n.length() - 5)))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the contract's " + name + " is not on the test's classpath", e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
