package campus.helpdesk.launcher.secrets;

import campus.helpdesk.launcher.SuiteException;
import campus.helpdesk.launcher.postgres.DataFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The folder {@code .helpdesk/secrets/}: one random secret per file, made on first use and read on every later
 * start. The folder is 0700 and each file 0600 from the moment it exists (the permissions are given to the
 * create call, not set afterwards), so no other local user can ever read a secret, not even during a race.
 */
public final class SecretStore {

    public static final String SERVICE_KEY = "service-key";
    public static final String SESSION_SECRET = "session-secret";
    public static final String POSTGRES_PASSWORD = "postgres-password";
    public static final String HELPDESK_PASSWORD = "helpdesk-password";
    /** The staff access code a desk serving the network gets when nobody chose one: typed by people, so readable. */
    public static final String STAFF_CODE = "staff-code";
    /** No 0/O, 1/l/I: a code read aloud or from a note is typed right the first time. */
    private static final String CODE_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789";

    /** 48 bytes: well above the 32 the services require, and a whole number of base64 characters (64). */
    static final int SECRET_BYTES = 48;
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;

    private SecretStore(Path dir) {
        this.dir = dir;
    }

    /** The secrets folder inside a helpdesk data folder ({@code --data-dir}, default {@code .helpdesk}). */
    public static Path folder(Path home) {
        return home.resolve(DataFolder.SECRETS);
    }

    /** Opens the folder, creating it (0700) when missing. */
    public static SecretStore open(Path home) {
        Path dir = folder(home);
        try {
            Files.createDirectories(home);
            if (!Files.isDirectory(dir)) {
                Files.createDirectory(dir, ownerOnly(OWNER_DIR));
            }
            tighten(dir, OWNER_DIR);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
        return new SecretStore(dir);
    }

    /**
     * Opens an existing folder without creating anything; empty when {@code ./helpdesk up} never ran here.
     *
     * @throws SuiteException when the folder is there but this user may not read it: run as another user, psql and
     *                        token said "start ./helpdesk up first" of a desk that ran
     */
    public static Optional<SecretStore> existing(Path home) {
        Path dir = folder(home);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        if (!Files.isExecutable(dir) || !Files.isReadable(dir)) {
            throw new SuiteException("Cannot read the desk's secrets in " + dir + ": they are " + owner(dir)
                    + "'s only. Run this command as the user who runs ./helpdesk up.");
        }
        return Optional.of(new SecretStore(dir));
    }

    private static String owner(Path dir) {
        try {
            return Files.getOwner(dir).getName();
        } catch (IOException | UnsupportedOperationException e) {
            return "another user";
        }
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** The secret of that name, made (48 random bytes, base64url) and stored on first use. */
    public String readOrCreate(String name) {
        return readOrCreate(name, random());
    }

    /** The staff code, made on first use: four groups of four letters and digits (about 79 bits). */
    public String readOrCreateStaffCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_LETTERS.charAt(RANDOM.nextInt(CODE_LETTERS.length())));
        }
        return readOrCreate(STAFF_CODE, code.toString());
    }

    private String readOrCreate(String name, String fresh) {
        Path file = file(name);
        if (!Files.exists(file)) {
            try {
                write(file, fresh);
            } catch (FileAlreadyExistsException e) {
                // Another launcher made it a moment ago: use theirs.
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file, e);
            }
        }
        return read(name).orElseThrow(() -> new IllegalStateException(file + " is empty"));
    }

    /** The stored secret, or empty when it was never made. */
    public Optional<String> read(String name) {
        Path file = file(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            tighten(file, OWNER_FILE);
            String value = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** 48 bytes from the system's secure random source, base64url without padding. */
    public static String random() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void write(Path file, String value) throws IOException {
        // CREATE_NEW with the permissions as an attribute: the file is born 0600 (the umask can only narrow it).
        Files.write(Files.createFile(file, ownerOnly(OWNER_FILE)), value.getBytes(StandardCharsets.US_ASCII),
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        return isPosix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    /** A folder copied around or unpacked with a wide umask loses its modes: narrow them again, and say so. */
    private static void tighten(Path path, Set<PosixFilePermission> wanted) throws IOException {
        if (!isPosix()) {
            return;
        }
        Set<PosixFilePermission> actual = Files.getPosixFilePermissions(path);
        if (actual.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
            Files.setPosixFilePermissions(path, wanted);
            System.err.println("helpdesk: " + path + " was readable by others; it is now "
                    + PosixFilePermissions.toString(wanted));
        }
    }

    private static boolean isPosix() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
