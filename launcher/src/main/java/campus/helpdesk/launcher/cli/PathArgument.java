package campus.helpdesk.launcher.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** A path given on the command line, read from the folder the command was run in, as any command's path is. */
public final class PathArgument {

    private PathArgument() {
    }

    /** {@code value} as an absolute path; a blank one or one this system cannot use is a wrong command line. */
    public static Path of(String name, String value) {
        if (value.isBlank()) {
            throw new UsageException(name + " must name a " + (name.equals("--data-dir") ? "folder" : "file"));
        }
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException(name + " is not a path this system can use: " + e.getReason());
        }
    }
}
