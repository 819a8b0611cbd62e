package campus.helpdesk.ticket.idempotency;

import campus.helpdesk.api.HelpdeskHeaders;
import campus.helpdesk.support.problem.BadInput;
import campus.helpdesk.support.problem.HelpdeskProblem;
import campus.helpdesk.ticket.problem.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one {@code Idempotency-Key} contract of every write that creates something (a ticket, a message): a key is
 * the caller's own, a retry with the same key and the same body gets the first result (200 with
 * {@code Idempotent-Replayed: true}), the same key with another body is a 422. Each write claims its key in the same
 * statement or transaction that creates its row, so a concurrent retry waits for the first one and then finds it;
 * what they share is written here once: the key's form, what "the same body" means and the refusals.
 */
public final class IdempotencyKeys {

    public static final int MAX_KEY_LENGTH = 200;

    private IdempotencyKeys() {
    }

    /** The key as stored, or null without one; a blank or over-long key is bad input. */
    public static @Nullable String normalise(@Nullable String key) {
        if (key == null) {
            return null;
        }
        String trimmed = key.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_KEY_LENGTH) {
            throw BadInput.problemWithDetail(HelpdeskHeaders.IDEMPOTENCY_KEY, "The " + HelpdeskHeaders.IDEMPOTENCY_KEY
                    + " header must be 1 to "
                    + MAX_KEY_LENGTH + " characters long.");
        }
        return trimmed;
    }

    /** What makes two requests "the same body": the parts as sent, in a fixed order, unambiguously separated. */
    public static String hash(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(String.join("\u0000", parts)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The earlier request with this key must have had the very same body, else nothing is replayed. {@code header}
     * is the one the caller sent the key in ({@code Idempotency-Key}, or an integration's {@code X-Delivery-Id}), so
     * that the refusal names what the caller can change.
     */
    public static void requireSameBody(String header, String storedHash, String hash) {
        if (!storedHash.equals(hash)) {
            throw new HelpdeskProblem(HttpStatus.UNPROCESSABLE_ENTITY, HttpStatus.UNPROCESSABLE_ENTITY.getReason(),
                    "This " + header + " was already used with a different body. Use a new one for a new request.",
                    BadInput.naming(header));
        }
    }

    /** Only possible if a key row vanished between the claim and the look-up; nothing sane to return. */
    public static HelpdeskProblem unknownState(String header) {
        return Problems.conflict("This " + header + " is in an unknown state. Please try again.");
    }
}
