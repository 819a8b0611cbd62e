package campus.helpdesk.system.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The bad forms of each kind of input, read from {@code fuzz/bad-forms.txt}. */
final class BadForms {

    static final String NONE = "{none}";
    /** A query form: the parameter given a second time. */
    static final String REPEAT = "{repeat}";
    private static final Pattern HUGE = Pattern.compile("\\{huge:(\\d+)}");
    private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    private final Map<String, List<String>> byKind = new HashMap<>();

    static BadForms load() {
        BadForms forms = new BadForms();
        try (InputStream in = BadForms.class.getResourceAsStream("/fuzz/bad-forms.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                forms.byKind.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>())
                        .add(expand(line.substring(tab + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return forms;
    }

    List<String> all(String kind) {
        List<String> values = byKind.get(kind);
        if (values == null) {
            throw new IllegalArgumentException("No bad forms of kind " + kind);
        }
        return values;
    }

    String any(String kind, Random random) {
        List<String> values = all(kind);
        return values.get(random.nextInt(values.size()));
    }

    int count() {
        return byKind.values().stream().mapToInt(List::size).sum();
    }

    private static String expand(String value) {
        Matcher huge = HUGE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (huge.find()) {
            huge.appendReplacement(out, "x".repeat(Integer.parseInt(huge.group(1))));
        }
        huge.appendTail(out);
        Matcher escape = ESCAPE.matcher(out.toString());
        StringBuilder decoded = new StringBuilder();
        while (escape.find()) {
            escape.appendReplacement(decoded, Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(escape.group(1), 16))));
        }
        escape.appendTail(decoded);
        return decoded.toString();
    }
}
