package campus.helpdesk.launcher.token;

import campus.helpdesk.launcher.SuiteException;
import campus.helpdesk.launcher.cli.Args;
import campus.helpdesk.launcher.cli.DatabaseTarget;
import campus.helpdesk.launcher.cli.UsageException;
import campus.helpdesk.launcher.postgres.EmbeddedDatabase;
import campus.helpdesk.launcher.postgres.RunningDatabase;
import campus.helpdesk.launcher.up.UpCommand;
import campus.helpdesk.tokens.ApiTokens;
import campus.helpdesk.tokens.IssuedToken;
import campus.helpdesk.tokens.TokenException;
import campus.helpdesk.tokens.TokenInfo;
import campus.helpdesk.tokens.TokenRole;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ./helpdesk token create|list|revoke}: personal API tokens for analysts' BI tools and scripts, managed
 * from the shell of the machine that runs the helpdesk. Works on the running embedded database as its owner,
 * through the same {@link ApiTokens} rules as the staff page; tokens made here are owned by {@code shell:<user>}.
 */
public final class TokenCommand {

    public static final String USAGE = """
              token create --name NAME --role ANALYST|STAFF [--days N] [--pg-port P] [--data-dir DIR]
              token list [--pg-port P] [--data-dir DIR]
              token revoke NAME [--pg-port P] [--data-dir DIR]
                  API tokens for scripts and BI tools (Authorization: Bearer TOKEN at the gateway). create prints
                  the token once (it is stored only as a hash); N days of validity, default 90, at most 730.
                  list shows every token but never its value; revoke ends one at once.
            """;
    private static final Set<String> DATABASE_OPTIONS = Set.of("pg-port", "data-dir");
    /** The table comes with ticket-service's Flyway migration, so a desk that never ran up has none. */
    private static final String UNDEFINED_TABLE = "42P01";

    private final Path root;
    private final String action;
    private final Args args;
    private final PrintStream out;

    public TokenCommand(Path root, List<String> arguments, PrintStream out) {
        this.root = root;
        this.out = out;
        if (arguments.isEmpty() || arguments.getFirst().startsWith("--")) {
            throw new UsageException("token needs an action: create, list or revoke");
        }
        this.action = arguments.getFirst();
        List<String> rest = arguments.subList(1, arguments.size());
        this.args = switch (action) {
            case "create" -> Args.parse(rest, Set.of(), Set.of("name", "role", "days", "pg-port", "data-dir"));
            case "list", "revoke" -> Args.parse(rest, Set.of(), DATABASE_OPTIONS);
            default -> throw new UsageException("unknown token action " + action + ": create, list or revoke");
        };
        int positional = action.equals("revoke") ? 1 : 0;
        if (args.positional().size() != positional) {
            throw new UsageException(action.equals("revoke") ? "token revoke needs one NAME"
                    : "token " + action + " takes no argument: " + args.positional().getFirst());
        }
    }

    public void run() {
        switch (action) {
            case "create" -> create();
            case "list" -> withConnection(c -> TokenTable.print(ApiTokens.list(c), out));
            default -> revoke(args.positional().getFirst());
        }
    }

    private void create() {
        String name = args.value("name", null);
        if (name == null) {
            throw new UsageException("token create needs --name NAME");
        }
        TokenRole role = role();
        int days = args.intValue("days", ApiTokens.DEFAULT_DAYS, 1, ApiTokens.MAX_DAYS);
        withConnection(c -> {
            IssuedToken issued = ApiTokens.create(c, name, role, owner(), days);
            TokenInfo info = issued.info();
            out.println(issued.token());
            out.println();
            out.println("This is the only time the token is shown: store it now (it is kept only as a hash).");
            out.println("name:    " + info.name());
            out.println("role:    " + info.role());
            out.println("owner:   " + info.owner());
            out.println("expires: " + TokenTable.time(info.expiresAt()) + " (" + days + " days)");
            out.println("use:     curl -H \"Authorization: Bearer <token>\" http://<gateway>/api/...");
        });
    }

    private void revoke(String name) {
        withConnection(c -> {
            TokenInfo info = ApiTokens.revoke(c, name, owner());
            out.println("Revoked " + info.name() + " (" + info.role() + ", owner " + info.owner()
                    + "): requests with it are refused from now on.");
        });
    }

    private TokenRole role() {
        String raw = args.value("role", null);
        if (raw == null) {
            throw new UsageException("token create needs --role ANALYST or STAFF");
        }
        try {
            return TokenRole.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--role must be ANALYST or STAFF: " + raw);
        }
    }

    /** Who made or revoked a token from the shell: the account that ran the command. */
    static String owner() {
        return "shell:" + System.getProperty("user.name");
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void withConnection(Work work) {
        int port = args.intValue("pg-port", EmbeddedDatabase.DEFAULT_PORT, 1024, 65535);
        DatabaseTarget owner = RunningDatabase.owner(UpCommand.dataDir(root, args), port);
        try (Connection c = owner.connect()) {
            work.run(c);
        } catch (TokenException e) {
            if (e.kind() == TokenException.Kind.INVALID) {
                throw new UsageException(e.getMessage());
            }
            throw new SuiteException(e.getMessage(), e);
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                throw new SuiteException("The database has no api_tokens table yet: let ./helpdesk up start "
                        + "ticket-service once (it creates the table)", e);
            }
            throw new SuiteException("The database at " + owner.url() + " refused: " + e.getMessage(), e);
        }
    }
}
