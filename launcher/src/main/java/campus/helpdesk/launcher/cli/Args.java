package campus.helpdesk.launcher.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The options of one command: {@code --name value}, {@code --name=value} and {@code --flag}; checked, not guessed. */
public final class Args {

    private final Map<String, String> values;
    private final List<String> positional;

    private Args(Map<String, String> values, List<String> positional) {
        this.values = values;
        this.positional = positional;
    }

    /**
     * @param flags   options without a value, e.g. {@code fresh}
     * @param options options that take a value, e.g. {@code db-url}
     * @throws UsageException on an unknown option or a missing value
     */
    public static Args parse(List<String> args, Set<String> flags, Set<String> options) {
        Map<String, String> values = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name) && value == null) {
                values.put(name, "true");
            } else if (options.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                values.put(name, value);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return new Args(values, positional);
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    public String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** A whole number within bounds, with a message naming the option when it is not. */
    public int intValue(String name, int fallback, int min, int max) {
        String raw = values.get(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.replace("_", "").replace(",", ""));
            if (value < min || value > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ": " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number: " + raw);
        }
    }

    public List<String> positional() {
        return positional;
    }
}
