package campus.helpdesk.ticket.mail;

import io.micronaut.core.annotation.Nullable;

/**
 * How the mail settings (SMTP out, IMAP in) read their environment variables: a compose file passes an unset one as
 * an empty string, which means "the default"; a value that cannot be one stops the start, naming its variable.
 */
public final class SettingValues {

    private SettingValues() {
    }

    /** The port in {@code value}, or {@code otherwise} when it is unset. */
    public static int port(String variable, @Nullable String value, int otherwise) {
        String given = blankToNull(value);
        if (given == null) {
            return otherwise;
        }
        try {
            int port = Integer.parseInt(given);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(variable + " must be a port number (1-65535), not '" + given + "'");
    }

    /** The switch in {@code value}, or {@code otherwise} when it is unset. */
    public static boolean flag(String variable, @Nullable String value, boolean otherwise) {
        String given = blankToNull(value);
        if (given == null) {
            return otherwise;
        }
        if (given.equalsIgnoreCase("true") || given.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(given);
        }
        throw new IllegalArgumentException(variable + " must be true or false, not '" + given + "'");
    }

    public static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
