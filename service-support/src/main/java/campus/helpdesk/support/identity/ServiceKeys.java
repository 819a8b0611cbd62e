package campus.helpdesk.support.identity;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;

/**
 * The HS256 keys of the service tokens, as Micronaut Security signature configurations: tokens are signed with
 * {@code HELPDESK_SERVICE_KEY} (the "generator" one) and accepted when signed with it or with
 * {@code HELPDESK_SERVICE_KEY_ROTATING}, so a key can be rotated without downtime (SECURITY.md says how).
 * Both are created at start ({@link Context}) so a bad key stops the service at once, not at its first request.
 *
 * <p>The methods return the interfaces on purpose: a factory method's bean also takes the annotations of the class
 * it returns, and {@link SecretSignature} is {@code @EachBean(SecretSignatureConfiguration.class)}, which would
 * make these beans vanish; with no signature at all, Micronaut Security mints and accepts unsigned tokens.
 */
@Factory
public class ServiceKeys {

    static final String VARIABLE = "HELPDESK_SERVICE_KEY";
    static final String ROTATING_VARIABLE = "HELPDESK_SERVICE_KEY_ROTATING";

    @Context
    @Named("generator")
    SignatureGeneratorConfiguration current(@Value("${helpdesk.service-key:}") String key) {
        return signature("generator", Secrets.require(VARIABLE, key));
    }

    @Context
    @Named("rotating")
    @Requires(property = "helpdesk.service-key-rotating", pattern = ".+")
    SignatureConfiguration rotating(@Value("${helpdesk.service-key-rotating}") String key) {
        return signature("rotating", Secrets.require(ROTATING_VARIABLE, key));
    }

    private static SecretSignature signature(String name, String key) {
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration(name);
        configuration.setSecret(key);
        return new SecretSignature(configuration);
    }
}
