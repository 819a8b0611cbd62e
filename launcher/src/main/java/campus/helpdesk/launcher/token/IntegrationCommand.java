package campus.helpdesk.launcher.token;

import campus.helpdesk.launcher.cli.DatabaseOptions;
import campus.helpdesk.launcher.cli.HelpOption;
import campus.helpdesk.launcher.cli.UsageException;
import campus.helpdesk.tokens.IntegrationInfo;
import campus.helpdesk.tokens.Integrations;
import campus.helpdesk.tokens.IssuedIntegration;
import campus.helpdesk.tokens.WebhookSignature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

/**
 * {@code ./helpdesk integration create|list|revoke}: the campus systems that open tickets through the signed
 * webhook intake, managed from the shell like {@code ./helpdesk token}, through the same {@link Integrations} rules
 * as the staff page.
 */
@Command(name = "integration", sortOptions = false, description = {
        "Campus systems that open tickets through POST /api/intake/NAME, each body signed with its secret.",
        "create prints the secret once; list shows every integration but never a secret; revoke ends one at once."})
public final class IntegrationCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());
    private static final String FORMAT = "%-40s %-20s %-16s %s%n";

    @Mixin
    HelpOption help;

    private final Path root;
    private final PrintStream out;

    public IntegrationCommand(Path root, PrintStream out) {
        this.root = root;
        this.out = out;
    }

    @Override
    public Integer call() {
        throw new UsageException("integration needs an action: create, list or revoke");
    }

    @Command(name = "create", sortOptions = false,
            description = "Makes an integration and prints its secret, this once.")
    int create(@Option(names = "--name", paramLabel = "NAME", required = true,
                       description = "its slug: lowercase letters, digits, '-'; the intake's URL and the reporter")
               String name, @Mixin DatabaseOptions database, @Mixin HelpOption help) {
        TokenCommand.withConnection(root, database, c -> {
            IssuedIntegration issued = Integrations.create(c, name, TokenCommand.owner());
            out.println(issued.secret());
            out.println();
            out.println("This is the only time the secret is shown: give it to the sending system now.");
            out.println("name:    " + issued.info().name());
            out.println("intake:  POST http://<gateway>/api/intake/" + issued.info().name());
            out.println("sign:    " + WebhookSignature.HEADER + ": sha256=$(printf '%s' \"$BODY\" "
                    + "| openssl dgst -sha256 -hmac \"$SECRET\" | sed 's/^.* //'), and X-Delivery-Id: <unique id>");
        });
        return 0;
    }

    @Command(name = "list", sortOptions = false,
            description = "Shows every integration with its state, never its secret.")
    int list(@Mixin DatabaseOptions database, @Mixin HelpOption help) {
        TokenCommand.withConnection(root, database, c -> {
            var all = Integrations.list(c);
            if (all.isEmpty()) {
                out.println("No integrations yet: ./helpdesk integration create --name NAME");
                return;
            }
            out.printf(FORMAT, "NAME", "CREATED BY", "CREATED", "STATE");
            for (IntegrationInfo i : all) {
                out.printf(FORMAT, i.name(), i.createdBy(), TIME.format(i.createdAt()),
                        i.isActive() ? "active" : "revoked " + TIME.format(i.revokedAt()));
            }
        });
        return 0;
    }

    @Command(name = "revoke", sortOptions = false,
            description = "Ends an integration at once: its deliveries are refused from then on.")
    int revoke(@Parameters(paramLabel = "NAME", description = "the integration's name") String name,
               @Mixin DatabaseOptions database, @Mixin HelpOption help) {
        TokenCommand.withConnection(root, database, c -> {
            IntegrationInfo info = Integrations.revoke(c, name, TokenCommand.owner());
            out.println("Revoked " + info.name() + ": its deliveries are refused from now on.");
        });
        return 0;
    }
}
