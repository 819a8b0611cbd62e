package campus.helpdesk.classify;

import campus.helpdesk.api.Category;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The labelled examples shipped with the module, one file per language under {@code corpus/}, and the reader for
 * any labelled TSV ({@code label<TAB>text}, optional header line, {@code #} comments).
 */
public final class Corpus {

    /** Fixed order, so training sees the same examples in the same order on every start. */
    public static final List<String> LANGUAGES = List.of("en", "it", "es", "de", "fr");

    private Corpus() {
    }

    /** Every example of the shipped corpus. */
    public static List<LabelledText> shipped() {
        List<LabelledText> all = new ArrayList<>();
        for (String language : LANGUAGES) {
            all.addAll(shipped(language));
        }
        return List.copyOf(all);
    }

    /** The shipped examples of one language. */
    public static List<LabelledText> shipped(String language) {
        String resource = "corpus/" + language + ".tsv";
        return ModuleText.read(resource, reader -> read(reader, resource));
    }

    /** A labelled TSV file from disk. */
    public static List<LabelledText> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        }
    }

    static List<LabelledText> read(Reader reader, String source) throws IOException {
        List<LabelledText> out = new ArrayList<>();
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalArgumentException(source + ":" + number + ": expected label<TAB>text");
            }
            String label = line.substring(0, tab).strip().toUpperCase(Locale.ROOT);
            if (number == 1 && label.equals("LABEL")) {
                continue; // header line
            }
            Category category;
            try {
                category = Category.valueOf(label);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + number + ": unknown category '" + label
                        + "', expected one of FACILITY, IT, SERVICES", e);
            }
            out.add(new LabelledText(category, line.substring(tab + 1).strip()));
        }
        return out;
    }
}
