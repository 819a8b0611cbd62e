package campus.helpdesk.launcher.token;

import campus.helpdesk.launcher.SuiteException;
import campus.helpdesk.launcher.cli.DatabaseOptions;
import campus.helpdesk.launcher.cli.DatabaseTarget;
import campus.helpdesk.launcher.cli.HelpOption;
import campus.helpdesk.launcher.cli.UsageException;
import campus.helpdesk.launcher.cli.WholeNumber;
import campus.helpdesk.launcher.postgres.RunningDatabase;
import campus.helpdesk.tokens.ApiTokens;
import campus.helpdesk.tokens.IssuedToken;
import campus.helpdesk.tokens.TokenException;
import campus.helpdesk.tokens.TokenInfo;
import campus.helpdesk.tokens.TokenRole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/**
 * {@code ./helpdesk token create|list|revoke}: personal API tokens for analysts' BI tools and scripts, managed
 * from the shell of the machine that runs the helpdesk. Works on the running embedded database as its owner,
 * through the same {@link ApiTokens} rules as the staff page; tokens made here are owned by {@code shell:<user>}.
 */
@Command(name = "token", sortOptions = false, description = {
        "API tokens for scripts and BI tools (Authorization: Bearer TOKEN at the gateway).",
        "create prints the token once (it is stored only as a hash); list shows every token but never its value; "
                + "revoke ends one at once."})
public final class TokenCommand implements Callable<Integer> {

    /** The table comes with ticket-service's Flyway migration, so a desk that never ran up has none. */
    private static final String UNDEFINED_TABLE = "42P01";

    @Mixin
    HelpOption help;

    private final Path root;
    private final PrintStream out;

    public TokenCommand(Path root, PrintStream out) {
        this.root = root;
        this.out = out;
    }

    /** {@code ./helpdesk token} without an action. */
    @Override
    public Integer call() {
        throw new UsageException("token needs an action: create, list or revoke");
    }

    @Command(name = "create", sortOptions = false, description = "Makes a token and prints it, this once.")
    int create(@Option(names = "--name", paramLabel = "NAME", required = true, description = "how it is known")
               String name,
               @Option(names = "--role", paramLabel = "ANALYST|STAFF", required = true,
                       description = "what it may do: the same as a person with that role") TokenRole role,
               @Option(names = "--days", paramLabel = "N", defaultValue = "" + ApiTokens.DEFAULT_DAYS,
                       converter = WholeNumber.class, description = "days of validity (default ${DEFAULT-VALUE}, "
                               + "at most " + ApiTokens.MAX_DAYS + ")") int days,
               @Mixin DatabaseOptions database, @Mixin HelpOption help) {
        int validity = WholeNumber.within("--days", days, 1, ApiTokens.MAX_DAYS);
        withConnection(database, c -> {
            IssuedToken issued = ApiTokens.create(c, name, role, owner(), validity);
            TokenInfo info = issued.info();
            out.println(issued.token());
            out.println();
            out.println("This is the only time the token is shown: store it now (it is kept only as a hash).");
            out.println("name:    " + info.name());
            out.println("role:    " + info.role());
            out.println("owner:   " + info.owner());
            out.println("expires: " + TokenTable.time(info.expiresAt()) + " (" + validity + " days)");
            out.println("use:     curl -H \"Authorization: Bearer <token>\" http://<gateway>/api/...");
        });
        return 0;
    }

    @Command(name = "list", sortOptions = false,
            description = "Shows every token with its state, never the token itself.")
    int list(@Mixin DatabaseOptions database, @Mixin HelpOption help) {
        withConnection(database, c -> TokenTable.print(ApiTokens.list(c), out));
        return 0;
    }

    @Command(name = "revoke", sortOptions = false,
            description = "Ends a token at once: requests with it are refused from then on.")
    int revoke(@Parameters(paramLabel = "NAME", description = "the token's name") String name,
               @Mixin DatabaseOptions database, @Mixin HelpOption help) {
        withConnection(database, c -> {
            TokenInfo info = ApiTokens.revoke(c, name, owner());
            out.println("Revoked " + info.name() + " (" + info.role() + ", owner " + info.owner()
                    + "): requests with it are refused from now on.");
        });
        return 0;
    }

    /** Who made or revoked a token from the shell: the account that ran the command. */
    static String owner() {
        return "shell:" + System.getProperty("user.name");
    }

    interface Work {
        void run(Connection c) throws SQLException;
    }

    private void withConnection(DatabaseOptions database, Work work) {
        withConnection(root, database, work);
    }

    /** Runs {@code work} as the database's owner; shared by {@code token} and {@code integration}. */
    static void withConnection(Path root, DatabaseOptions database, Work work) {
        DatabaseTarget owner = RunningDatabase.owner(database.home(root), database.runningPort(root));
        try (Connection c = owner.connect()) {
            work.run(c);
        } catch (TokenException e) {
            if (e.kind() == TokenException.Kind.INVALID) {
                throw new UsageException(e.getMessage());
            }
            throw new SuiteException(e.getMessage(), e);
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                throw new SuiteException("The database has no such table yet: let ./helpdesk up start "
                        + "ticket-service once (it creates the tables)", e);
            }
            throw new SuiteException("The database at " + owner.url() + " refused: " + e.getMessage(), e);
        }
    }
}
