package campus.helpdesk.launcher.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ./helpdesk help [COMMAND...]}: the help of the command named by the words, however deep ({@code help token
 * create}). picocli's own help command reads one word and ignores the rest, so it showed {@code token}'s help there.
 */
@Command(name = "help", helpCommand = true, description = "Shows the help of a command, e.g. help token create.")
public final class HelpCommand implements IHelpCommandInitializable2, Callable<Integer> {

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "the command, as typed after ./helpdesk")
    List<String> words = new ArrayList<>();

    @CommandLine.Mixin
    HelpOption help;

    private CommandLine self;
    private Help.ColorScheme colours;
    private PrintWriter out;
    private PrintWriter err;

    @Override
    public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colours = colorScheme;
        this.out = out;
        this.err = err;
    }

    /** The usage of the command named; a word that names none is a wrong command line (exit 2), as elsewhere. */
    @Override
    public Integer call() {
        CommandLine command = self.getParent();
        for (String word : words) {
            CommandLine next = command.getSubcommands().get(word);
            if (next == null || next == self) {
                err.println("helpdesk: unknown command '" + word + "' for " + command.getCommandSpec().qualifiedName());
                err.println();
                command.usage(err, colours);
                return CommandLine.ExitCode.USAGE;
            }
            command = next;
        }
        command.usage(out, colours);
        return CommandLine.ExitCode.OK;
    }
}
