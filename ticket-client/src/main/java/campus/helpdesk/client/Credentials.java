package campus.helpdesk.client;

import java.util.function.BiConsumer;

/**
 * How a call proves to ticket-service whom it speaks for. The services sign a short-lived service token
 * ({@link ServiceTokenCredentials}); a client that reaches ticket-service's API through the gateway instead
 * presents what the gateway accepts from people (a session, an API token) by providing its own bean.
 */
public interface Credentials {

    /** Hands each header that carries {@code who}'s credentials to {@code header}. */
    void present(OnBehalfOf who, BiConsumer<String, String> header);
}
