package campus.helpdesk.tokens;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The intake's signature: {@code X-Helpdesk-Signature: sha256=HEX}, the HMAC-SHA256 of the raw body with the
 * integration's secret, the form GitHub's and Stripe's webhooks taught every sender ({@code openssl dgst -sha256
 * -hmac SECRET} makes it). Checked on the bytes as received, before anything parses them, so a body that a parser
 * would read differently from how it was signed is never trusted.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Helpdesk-Signature";
    private static final String SCHEME = "sha256=";
    private static final Pattern FORM = Pattern.compile("sha256=[0-9a-fA-F]{64}");

    private WebhookSignature() {
    }

    /** The header value a sender puts on {@code body}. */
    public static String sign(String secret, byte[] body) {
        return SCHEME + HexFormat.of().formatHex(hmac(secret, body));
    }

    /** Whether {@code header} signs {@code body} with {@code secret}; compared in constant time. */
    public static boolean verifies(String secret, byte[] body, String header) {
        if (header == null || !FORM.matcher(header.strip()).matches()) {
            return false;
        }
        byte[] given = HexFormat.of().parseHex(header.strip().substring(SCHEME.length()).toLowerCase());
        return MessageDigest.isEqual(hmac(secret, body), given);
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
