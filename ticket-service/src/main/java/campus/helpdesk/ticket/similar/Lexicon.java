package campus.helpdesk.ticket.similar;

import campus.helpdesk.classify.TextFolding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of the five languages that name the same thing ({@code similar/lexicon.txt}): what lets "WLAN in der
 * Bibliothek" meet "eduroam down in the library". Neither trigrams nor stemming can bridge "Drucker" and
 * "stampante"; a concept both words start with can.
 */
final class Lexicon {

    /** A concept and how much sharing it says about two reports. */
    record Concept(String name, double weight) {
    }

    private static final int SHORT = 3;
    private static final int LONGEST_STEM = 16;
    private static final int COMPOUND_FROM = 3;

    private final Map<String, List<Concept>> stems = new HashMap<>();
    /** Every whole stem with one letter dropped, and the stem itself: a word one typo away finds it here. */
    private final Map<String, List<Concept>> oneTypo = new HashMap<>();
    private final Set<String> stopWords = new HashSet<>();

    static Lexicon standard() {
        try (InputStream in = Lexicon.class.getResourceAsStream("/similar/lexicon.txt")) {
            if (in == null) {
                throw new IllegalStateException("similar/lexicon.txt is missing from the classpath");
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Lexicon read(List<String> lines) {
        Lexicon lexicon = new Lexicon();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            if (parts[0].equals("stop")) {
                lexicon.stopWords.addAll(List.of(parts).subList(1, parts.length));
                continue;
            }
            Concept concept = new Concept(parts[0], Double.parseDouble(parts[1]));
            for (int i = 2; i < parts.length; i++) {
                lexicon.add(fold(parts[i]), concept);
            }
        }
        return lexicon;
    }

    private void add(String stem, Concept concept) {
        stems.computeIfAbsent(stem, s -> new ArrayList<>(1)).add(concept);
        if (stem.length() > 4) {
            oneTypo.computeIfAbsent(stem, s -> new ArrayList<>(1)).add(concept);
            for (int i = 0; i < stem.length(); i++) {
                String dropped = stem.substring(0, i) + stem.substring(i + 1);
                oneTypo.computeIfAbsent(dropped, s -> new ArrayList<>(1)).add(concept);
            }
        }
    }

    boolean isStopWord(String word) {
        return stopWords.contains(word);
    }

    /** The concepts a folded word names: by a stem it starts with, one inside a compound, or one typo away. */
    Set<Concept> conceptsOf(String word) {
        Set<Concept> found = new HashSet<>(2);
        addStemsFrom(word, 0, found);
        if (found.isEmpty() && word.length() >= 8) {
            for (int from = COMPOUND_FROM; from + 4 <= word.length(); from++) {
                addStemsFrom(word, from, found);
            }
        }
        if (found.isEmpty() && word.length() > 4) {
            addAll(oneTypo.get(word), found);
            for (int i = 0; i < word.length() && found.isEmpty(); i++) {
                addAll(oneTypo.get(word.substring(0, i) + word.substring(i + 1)), found);
            }
        }
        return found;
    }

    private void addStemsFrom(String word, int from, Set<Concept> found) {
        int rest = word.length() - from;
        for (int length = Math.min(rest, LONGEST_STEM); length >= 2; length--) {
            if (length <= SHORT && length < rest && !(from == 0 && length == rest - 1 && word.endsWith("s"))) {
                continue;
            }
            if (from > 0 && length < 4) {
                break;
            }
            addAll(stems.get(word.substring(from, from + length)), found);
        }
    }

    private static void addAll(List<Concept> concepts, Set<Concept> into) {
        if (concepts != null) {
            into.addAll(concepts);
        }
    }

    /** The classifier's folding, so that both read a report's words alike. */
    static String fold(String text) {
        return TextFolding.fold(text);
    }
}
