package campus.helpdesk.launcher.token;

import campus.helpdesk.launcher.postgres.EmbeddedDatabase;
import campus.helpdesk.tokens.ApiTokens;
import campus.helpdesk.tokens.TokenRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ./helpdesk token} against a running embedded database. The table is made by running the api-tokens
 * migration by hand, as ticket-service's Flyway would on its first start.
 */
class TokenCommandTest {

    private static final int PORT = 25435;
    private static Path home;
    private static EmbeddedDatabase db;

    @BeforeAll
    static void startDatabaseWithTheTokenTable() throws Exception {
        home = Files.createTempDirectory("token-test-");
        db = EmbeddedDatabase.start(home, PORT);
        try (InputStream migration = ApiTokens.class.getResourceAsStream("/db/migration/V3__api_tokens.sql");
             Connection c = db.target().connect(); Statement s = c.createStatement()) {
            s.execute(new String(migration.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void stopDatabase() {
        db.close();
    }

    @Test
    void aCreatedTokenIsPrintedOnceAndVerifiesUntilRevoked() throws Exception {
        String created = token("create", "--name", "bi", "--role", "analyst", "--days", "30");
        String token = created.lines().findFirst().orElseThrow();
        assertThat(token).startsWith(ApiTokens.PREFIX);
        assertThat(created).contains("name:    bi", "role:    ANALYST", "owner:   shell:", "(30 days)");
        try (Connection c = db.target().connect()) {
            assertThat(ApiTokens.verify(c, token)).hasValueSatisfying(info -> {
                assertThat(info.role()).isEqualTo(TokenRole.ANALYST);
                assertThat(info.owner()).isEqualTo(TokenCommand.owner());
            });
        }

        String list = token("list");
        assertThat(list).contains("NAME", "bi", "ANALYST", "active").doesNotContain(token);

        assertThat(token("revoke", "bi")).contains("Revoked bi");
        try (Connection c = db.target().connect()) {
            assertThat(ApiTokens.verify(c, token)).isEmpty();
        }
        assertThat(token("list")).contains("revoked");
    }

    @Test
    void aNameInUseOrUnknownIsRefusedWithTheReason() {
        token("create", "--name", "twice", "--role", "STAFF");

        assertThatThrownBy(() -> token("create", "--name", "twice", "--role", "STAFF"))
                .hasMessageContaining("exists");
        assertThatThrownBy(() -> token("revoke", "nobody")).hasMessageContaining("No token called 'nobody'");
    }

    private static String token(String... args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.addAll(List.of("--pg-port", String.valueOf(PORT), "--data-dir", home.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TokenCommand(Path.of("."), arguments, new PrintStream(out, true, StandardCharsets.UTF_8)).run();
        return out.toString(StandardCharsets.UTF_8);
    }
}
