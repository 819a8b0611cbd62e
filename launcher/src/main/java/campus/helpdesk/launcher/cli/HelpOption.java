package campus.helpdesk.launcher.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help} for a command whose own arguments never include a {@code -h} (psql's do: it has none). */
public final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help.")
    boolean help;
}
