package campus.helpdesk.tokens;

import campus.helpdesk.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiTokensTest {

    private static String url;

    @BeforeAll
    static void schema() throws Exception {
        url = TestPostgres.get().createDatabase("api_tokens_test");
        try (Connection c = connect(); Statement s = c.createStatement();
             InputStream ddl = ApiTokens.class.getResourceAsStream("/db/migration/V3__api_tokens.sql")) {
            s.execute(new String(ddl.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url, TestPostgres.get().user(), TestPostgres.get().password());
    }

    @Test
    void anIssuedTokenVerifiesAsItsOwnerAndRole() throws Exception {
        try (Connection c = connect()) {
            IssuedToken issued = ApiTokens.create(c, "bi-verify", TokenRole.ANALYST, "Bob", 30);
            assertThat(issued.token()).startsWith(ApiTokens.PREFIX).hasSize(47);
            TokenInfo holder = ApiTokens.verify(c, issued.token()).orElseThrow();
            assertThat(holder.name()).isEqualTo("bi-verify");
            assertThat(holder.role()).isEqualTo(TokenRole.ANALYST);
            assertThat(holder.owner()).isEqualTo("Bob");
        }
    }

    @Test
    void onlyTheHashIsStored() throws Exception {
        try (Connection c = connect()) {
            IssuedToken issued = ApiTokens.create(c, "hash-only", TokenRole.STAFF, "Bob", 1);
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT t::text FROM api_tokens t WHERE name = 'hash-only'")) {
                rs.next();
                assertThat(rs.getString(1)).doesNotContain(issued.token().substring(ApiTokens.PREFIX.length()));
            }
        }
    }

    @Test
    void aRevokedTokenNoLongerVerifies() throws Exception {
        try (Connection c = connect()) {
            IssuedToken issued = ApiTokens.create(c, "to-revoke", TokenRole.ANALYST, "Bob", 30);
            ApiTokens.revoke(c, "to-revoke", "Carla");
            assertThat(ApiTokens.verify(c, issued.token())).isEmpty();
            assertThat(ApiTokens.list(c)).filteredOn(t -> t.name().equals("to-revoke"))
                    .singleElement().satisfies(t -> assertThat(t.revokedAt()).isNotNull());
        }
    }

    @Test
    void anExpiredTokenNoLongerVerifies() throws Exception {
        try (Connection c = connect()) {
            IssuedToken issued = ApiTokens.create(c, "expiring", TokenRole.ANALYST, "Bob", 1);
            try (Statement s = c.createStatement()) {
                s.execute("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE name = 'expiring'");
            }
            assertThat(ApiTokens.verify(c, issued.token())).isEmpty();
        }
    }

    @Test
    void forgedAndMalformedTokensDoNotVerify() throws Exception {
        try (Connection c = connect()) {
            ApiTokens.create(c, "real-one", TokenRole.STAFF, "Bob", 1);
            assertThat(ApiTokens.verify(c, ApiTokens.PREFIX + "A".repeat(43))).isEmpty();
            assertThat(ApiTokens.verify(c, "not a token")).isEmpty();
            assertThat(ApiTokens.verify(c, "")).isEmpty();
            assertThat(ApiTokens.verify(c, null)).isEmpty();
        }
    }

    @Test
    void aLiveNameIsUniqueButARevokedNameMayBeReused() throws Exception {
        try (Connection c = connect()) {
            ApiTokens.create(c, "reuse", TokenRole.ANALYST, "Bob", 1);
            assertThatThrownBy(() -> ApiTokens.create(c, "reuse", TokenRole.ANALYST, "Bob", 1))
                    .isInstanceOf(TokenException.class).hasMessageContaining("exists");
            ApiTokens.revoke(c, "reuse", "Bob");
            assertThat(ApiTokens.create(c, "reuse", TokenRole.STAFF, "Bob", 1).info().role())
                    .isEqualTo(TokenRole.STAFF);
        }
    }

    @Test
    void badNamesDaysAndUnknownNamesAreRefusedWithTheField() throws Exception {
        try (Connection c = connect()) {
            for (String bad : new String[] {"", " x", "a b", "-lead", "x".repeat(61), "nul\u0000", "é"}) {
                assertThatThrownBy(() -> ApiTokens.create(c, bad, TokenRole.ANALYST, "Bob", 1))
                        .isInstanceOfSatisfying(TokenException.class, e -> assertThat(e.field()).isEqualTo("name"));
            }
            for (int days : new int[] {0, -1, ApiTokens.MAX_DAYS + 1}) {
                assertThatThrownBy(() -> ApiTokens.create(c, "days", TokenRole.ANALYST, "Bob", days))
                        .isInstanceOfSatisfying(TokenException.class, e -> assertThat(e.field()).isEqualTo("days"));
            }
            assertThatThrownBy(() -> ApiTokens.revoke(c, "never-issued", "Bob"))
                    .isInstanceOfSatisfying(TokenException.class,
                            e -> assertThat(e.kind()).isEqualTo(TokenException.Kind.NOT_FOUND));
        }
    }
}
