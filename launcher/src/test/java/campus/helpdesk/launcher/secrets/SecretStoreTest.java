package campus.helpdesk.launcher.secrets;

import campus.helpdesk.launcher.SuiteException;
import campus.helpdesk.launcher.SuiteSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class SecretStoreTest {

    @TempDir
    Path home;

    @Test
    void secretsAreOwnerOnlyFilesInAnOwnerOnlyFolder() throws Exception {
        SuiteSecrets.loadOrCreate(home);

        Path dir = SecretStore.folder(home);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        for (String name : new String[] {SecretStore.SERVICE_KEY, SecretStore.SESSION_SECRET}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))))
                    .as(name).isEqualTo("rw-------");
        }
    }

    @Test
    void aSecondStartReusesTheSecretsOfTheFirst() {
        SuiteSecrets first = SuiteSecrets.loadOrCreate(home);
        SuiteSecrets second = SuiteSecrets.loadOrCreate(home);

        assertThat(second).isEqualTo(first);
        assertThat(first.serviceKey()).isNotEqualTo(first.sessionSecret());
    }

    @Test
    void aStaffCodeIsMadeOnceReadableAndOwnerOnly() throws Exception {
        String code = SecretStore.open(home).readOrCreateStaffCode();

        assertThat(code).matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}").doesNotContain("0", "1", "l", "o", "i");
        assertThat(SecretStore.open(home).readOrCreateStaffCode()).isEqualTo(code);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                SecretStore.folder(home).resolve(SecretStore.STAFF_CODE)))).isEqualTo("rw-------");
    }

    @Test
    void eachSecretIs48RandomBytesInBase64url() {
        String secret = SecretStore.open(home).readOrCreate(SecretStore.SERVICE_KEY);

        assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(48);
        assertThat(SuiteSecrets.random()).isNotEqualTo(SuiteSecrets.random());
    }

    @Test
    void aFolderLeftReadableByOthersIsNarrowedAgain() throws Exception {
        SecretStore.open(home).readOrCreate(SecretStore.SERVICE_KEY);
        Path file = SecretStore.folder(home).resolve(SecretStore.SERVICE_KEY);
        Files.setPosixFilePermissions(SecretStore.folder(home), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        SecretStore.open(home).read(SecretStore.SERVICE_KEY);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(SecretStore.folder(home))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    /**
     * Another user's desk: psql and token said "start ./helpdesk up first" of a running desk. Root reads every folder,
     * so this runs only where the tests do not run as root.
     */
    @Test
    void aFolderThisUserMayNotEnterIsSaidSoNotTakenForNoDesk() throws Exception {
        SecretStore.open(home).readOrCreate(SecretStore.HELPDESK_PASSWORD);
        Path dir = SecretStore.folder(home);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isExecutable(dir), "root enters every folder");
            assertThatThrownBy(() -> SecretStore.existing(home)).isInstanceOf(SuiteException.class)
                    .hasMessageContaining("Run this command as the user who runs ./helpdesk up");
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void toStringNeverShowsTheSecrets() {
        SuiteSecrets secrets = SuiteSecrets.random();

        assertThat(secrets.toString()).doesNotContain(secrets.serviceKey()).doesNotContain(secrets.sessionSecret());
    }
}
