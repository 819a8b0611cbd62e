package campus.helpdesk.launcher;

import campus.helpdesk.launcher.secrets.SecretStore;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The secrets every suite passes to its services.
 *
 * @param serviceKey    {@code HELPDESK_SERVICE_KEY}: signs and verifies the services' internal tokens (all five)
 * @param sessionSecret {@code HELPDESK_SESSION_SECRET}: signs the gateway's session cookies
 */
public record SuiteSecrets(String serviceKey, String sessionSecret) {

    public SuiteSecrets {
        Objects.requireNonNull(serviceKey, "serviceKey");
        Objects.requireNonNull(sessionSecret, "sessionSecret");
    }

    /** Fresh ones for a suite that lives as long as a test run. */
    public static SuiteSecrets random() {
        return new SuiteSecrets(SecretStore.random(), SecretStore.random());
    }

    /** Those of {@code ./helpdesk up}: made on the first start in {@code <home>/secrets/}, the same ever after. */
    public static SuiteSecrets loadOrCreate(Path home) {
        SecretStore store = SecretStore.open(home);
        return new SuiteSecrets(store.readOrCreate(SecretStore.SERVICE_KEY),
                store.readOrCreate(SecretStore.SESSION_SECRET));
    }

    /** Never the values: a record's default toString would print them into any log that shows the options. */
    @Override
    public String toString() {
        return "SuiteSecrets[hidden]";
    }
}
