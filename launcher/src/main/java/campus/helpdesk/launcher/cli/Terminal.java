package campus.helpdesk.launcher.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether a person is at the keyboard: decides between asking and refusing, and how progress is drawn. */
public final class Terminal {

    private Terminal() {
    }

    public static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // From JDK 22 System.console() is non-null even for pipes; isTerminal() tells them apart.
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
