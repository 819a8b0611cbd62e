package campus.helpdesk.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The desk's policy concepts (a device, getting in, the building's fabric, money, paperwork, …), recognised by words
 * of five languages listed in {@code concepts.tsv}, each added to a ticket's features as one shared token. Words
 * alone cannot learn that "projector", "Beamer" and "proiettore" are one kind of thing, and with a few examples per
 * word and language the room or symptom words ("seminar room", "switches off") outvote the device. A concept token
 * is seen in every ticket of its kind in every language, so its weight is learnt from all of them, and it carries
 * over to words the corpus never used ("Wasserhahn" is plumbing even if only "tap" and "rubinetto" were trained).
 * The model still weighs it: a projector's ceiling mount stays FACILITY by its other words.
 */
final class Concepts {

    private static final String RESOURCE = "concepts.tsv";
    /** Stems need four letters: shorter ones ("pc", "app", "log") are whole words, or "application", "logo" match. */
    static final int MIN_STEM = 4;
    /** The endings a German compound head may carry ("Netzwerkdruckern", "Zutrittslesers"). */
    private static final List<String> HEAD_ENDINGS = List.of("", "e", "n", "s", "en", "er", "es", "ns");
    /** Letters a compound needs before its head: "Dozenten|rechner", not "Ter|min|al" or "Au|tomat". */
    private static final int HEAD_PREFIX = 3;

    private static final Lexicon LEXICON = Lexicon.load();

    private Concepts() {
    }

    /** The concept names of one normalised word, usually none, each once. */
    static void of(String word, List<String> out) {
        LEXICON.conceptsOf(word, out);
    }

    /** The file as written: what a trained model depends on ({@link ShippedModel#fingerprint}). */
    static String lexiconText() {
        return ModuleText.read(RESOURCE, reader -> String.join("\n", reader.lines().toList()));
    }

    /** Every concept name, in the order of the file. */
    static Set<String> names() {
        return LEXICON.languages().keySet();
    }

    /** Per concept, the languages that list words for it. */
    static Map<String, Set<String>> languages() {
        return LEXICON.languages();
    }

    private record Head(String head, String concept) {
    }

    /** The parsed file: whole words and stems by their text (a lookup per prefix length), heads in a short list. */
    record Lexicon(Map<String, List<String>> words, Map<String, List<String>> stems, int longestStem,
                   List<Head> heads, Map<String, Set<String>> languages) {

        void conceptsOf(String word, List<String> out) {
            int start = out.size();
            addNew(words.get(word), out, start);
            for (int length = MIN_STEM; length <= Math.min(longestStem, word.length()); length++) {
                addNew(stems.get(word.substring(0, length)), out, start);
            }
            for (Head h : heads) {
                int at = word.lastIndexOf(h.head());
                if (at >= HEAD_PREFIX && HEAD_ENDINGS.contains(word.substring(at + h.head().length()))) {
                    addNew(List.of(h.concept()), out, start);
                }
            }
        }

        private static void addNew(List<String> concepts, List<String> out, int start) {
            if (concepts == null) {
                return;
            }
            for (String concept : concepts) {
                if (!out.subList(start, out.size()).contains(concept)) {
                    out.add(concept);
                }
            }
        }

        static Lexicon load() {
            return ModuleText.read(RESOURCE, Lexicon::parse);
        }

        static Lexicon parse(BufferedReader reader) throws IOException {
            Set<String> entries = new HashSet<>();
            Map<String, List<String>> words = new HashMap<>();
            Map<String, List<String>> stems = new HashMap<>();
            List<Head> heads = new ArrayList<>();
            Map<String, Set<String>> languages = new LinkedHashMap<>();
            int longestStem = 0;
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.strip().split("\t");
                if (fields.length != 3) {
                    throw new IllegalStateException(RESOURCE + ":" + number + ": expected concept<TAB>language<TAB>words,"
                            + " found " + fields.length + " field(s): " + line);
                }
                String concept = fields[0];
                languages.computeIfAbsent(concept, k -> new LinkedHashSet<>()).add(fields[1]);
                for (String entry : fields[2].split(" ")) {
                    if (entry.isEmpty() || !entries.add(concept + " " + entry)) {
                        throw new IllegalStateException(RESOURCE + ":" + number + ": empty or repeated entry '" + entry
                                + "' of " + concept);
                    }
                    if (entry.startsWith("*")) {
                        String head = folded(entry.substring(1), number);
                        if (head.length() < MIN_STEM) {
                            throw new IllegalStateException(RESOURCE + ":" + number + ": head too short: " + entry);
                        }
                        heads.add(new Head(head, concept));
                    } else if (entry.endsWith("*")) {
                        String stem = folded(entry.substring(0, entry.length() - 1), number);
                        if (stem.length() < MIN_STEM) {
                            throw new IllegalStateException(RESOURCE + ":" + number + ": stem too short: " + entry);
                        }
                        stems.computeIfAbsent(stem, k -> new ArrayList<>(1)).add(concept);
                        longestStem = Math.max(longestStem, stem.length());
                    } else {
                        words.computeIfAbsent(folded(entry, number), k -> new ArrayList<>(1)).add(concept);
                    }
                }
            }
            languages.replaceAll((concept, used) -> Collections.unmodifiableSet(used));
            return new Lexicon(words, stems, longestStem, List.copyOf(heads),
                    Collections.unmodifiableMap(languages));
        }

        /** Entries are written folded; one that folding would change would never match a ticket's word. */
        private static String folded(String entry, int number) {
            if (!TextFolding.fold(entry).equals(entry)) {
                throw new IllegalStateException(RESOURCE + ":" + number + ": write '" + entry + "' folded");
            }
            return entry;
        }
    }
}
