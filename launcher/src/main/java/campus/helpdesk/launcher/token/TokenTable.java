package campus.helpdesk.launcher.token;

import campus.helpdesk.tokens.TokenInfo;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** {@code ./helpdesk token list}: one line per token, in columns, with its state in words. */
final class TokenTable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());
    private static final String FORMAT = "%-24s %-8s %-20s %-16s %-16s %-16s %s%n";

    private TokenTable() {
    }

    static void print(List<TokenInfo> tokens, PrintStream out) {
        if (tokens.isEmpty()) {
            out.println("No API tokens yet: ./helpdesk token create --name NAME --role ANALYST");
            return;
        }
        out.printf(FORMAT, "NAME", "ROLE", "OWNER", "CREATED", "EXPIRES", "LAST USED", "STATE");
        Instant now = Instant.now();
        for (TokenInfo t : tokens) {
            out.printf(FORMAT, t.name(), t.role(), t.owner(), time(t.createdAt()), time(t.expiresAt()),
                    time(t.lastUsedAt()), state(t, now));
        }
    }

    static String state(TokenInfo token, Instant now) {
        if (token.revokedAt() != null) {
            return "revoked " + time(token.revokedAt());
        }
        return token.expiresAt().isAfter(now) ? "active" : "expired";
    }

    static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }
}
