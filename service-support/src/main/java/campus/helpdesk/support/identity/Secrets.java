package campus.helpdesk.support.identity;

import io.micronaut.context.exceptions.ConfigurationException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The rule every secret of the product meets before a service starts with it: present, at least 32 bytes (what
 * HS256 needs), and not one of the placeholders that sample configurations ship. A service that breaks it stops
 * with one line naming the variable, instead of running with a key that anyone could guess.
 */
public final class Secrets {

    public static final int MIN_BYTES = 32;
    private static final List<String> PLACEHOLDERS = List.of("change-me", "changeme", "change_me", "replace-me",
            "replaceme", "placeholder", "your-secret", "yoursecret", "example", "secretsecret", "xxxxxxxx");
    private static final String HOW = "set it to a random value of at least " + MIN_BYTES
            + " bytes (e.g. openssl rand -base64 48)";

    private Secrets() {
    }

    /** Null when {@code value} is fit to be the secret named by {@code variable}, else the one-line reason. */
    public static String problem(String variable, String value) {
        if (value == null || value.isBlank()) {
            return variable + " is missing: " + HOW;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (PLACEHOLDERS.stream().anyMatch(lower::contains) || lower.chars().distinct().count() < 8) {
            return variable + " is a placeholder, not a secret: " + HOW;
        }
        if (value.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            return variable + " is too short (" + value.getBytes(StandardCharsets.UTF_8).length + " bytes): " + HOW;
        }
        return null;
    }

    /**
     * Returns {@code value} when it is fit, else prints the reason on stderr (logging may not be set up yet, and
     * this line is all an operator needs) and stops the service's start.
     */
    public static String require(String variable, String value) {
        String problem = problem(variable, value);
        if (problem != null) {
            System.err.println(problem);
            throw new ConfigurationException(problem);
        }
        return value;
    }
}
