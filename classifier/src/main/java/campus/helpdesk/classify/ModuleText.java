package campus.helpdesk.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The module's own UTF-8 text resources (the corpus, the concept lexicon): one missing is a broken build. */
final class ModuleText {

    /** Reads what it needs from the open resource. */
    interface Parser<T> {
        T parse(BufferedReader reader) throws IOException;
    }

    private ModuleText() {
    }

    static <T> T read(String resource, Parser<T> parser) {
        try (InputStream in = ModuleText.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classifier resource " + resource);
            }
            return parser.parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
