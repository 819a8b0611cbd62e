package campus.helpdesk.launcher.token;

import campus.helpdesk.launcher.Helpdesk;
import campus.helpdesk.launcher.postgres.EmbeddedDatabase;
import campus.helpdesk.tokens.ApiTokens;
import campus.helpdesk.tokens.TokenRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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

        assertThat(run("create", "--name", "twice", "--role", "STAFF")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.errors()).contains("exists");
        });
        assertThat(run("revoke", "nobody").errors()).contains("No token called 'nobody'");
    }

    @Test
    void withoutPgPortTheCommandFindsThePortItsDesksDatabaseRunsOn() {
        Run listed = runOnDataFolderOnly("list");

        assertThat(listed.status()).as(listed.errors()).isZero();
        assertThat(listed.output()).contains("NAME");
    }

    /** What {@code ./helpdesk token ARGS} prints; it must succeed. */
    private static String token(String... args) {
        Run run = run(args);
        assertThat(run.status()).as(run.errors()).isZero();
        return run.output();
    }

    private static Run run(String... args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.addAll(List.of("--pg-port", String.valueOf(PORT)));
        return runOnDataFolderOnly(arguments.toArray(String[]::new));
    }

    /** {@code ./helpdesk token ARGS --data-dir HOME}: the port only if ARGS name one. */
    private static Run runOnDataFolderOnly(String... args) {
        List<String> arguments = new ArrayList<>(List.of("token"));
        arguments.addAll(List.of(args));
        arguments.addAll(List.of("--data-dir", home.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        CommandLine line = Helpdesk.commandLine(Path.of("."), new PrintStream(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(err, true));
        int status = line.execute(arguments.toArray(String[]::new));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    private record Run(int status, String output, String errors) {
    }
}
