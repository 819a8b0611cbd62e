package campus.helpdesk.launcher.postgres;

import campus.helpdesk.launcher.secrets.SecretStore;

/**
 * The two passwords of the embedded PostgreSQL, kept in {@code .helpdesk/secrets/}.
 *
 * @param superuser the {@code postgres} role's, used only by the launcher to create and harden the database
 * @param owner     the {@code helpdesk} role's, which owns the database: ticket-service, seed, psql and token
 */
public record DatabasePasswords(String superuser, String owner) {

    static DatabasePasswords loadOrCreate(SecretStore store) {
        return new DatabasePasswords(store.readOrCreate(SecretStore.POSTGRES_PASSWORD),
                store.readOrCreate(SecretStore.HELPDESK_PASSWORD));
    }

    @Override
    public String toString() {
        return "DatabasePasswords[hidden]";
    }
}
