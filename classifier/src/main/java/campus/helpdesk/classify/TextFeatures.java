package campus.helpdesk.classify;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Turns a ticket's text into a sparse, L2-normalised vector of hashed features: word unigrams and bigrams plus
 * character 3–5-grams of each word. Character n-grams carry the model across typos ("elevetor"), inflections
 * ("stampante"/"stampanti") and compounds ("Drucker"/"Netzwerkdrucker"), which matter more than anything else
 * with five languages and a small corpus. Hashing keeps memory fixed; the hash is our own (FNV-1a), so feature
 * ids never depend on the JVM.
 */
final class TextFeatures {

    /** 2^18 buckets: collisions are rare for a corpus of a few thousand short texts, and three weight rows stay small. */
    static final int DIMENSIONS = 1 << 18;
    private static final int MASK = DIMENSIONS - 1;

    private TextFeatures() {
    }

    /** Lower case, accents folded (é→e, ü→u, ß→ss), anything that is not a letter or digit becomes one space. */
    static String normalise(String text) {
        String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(folded.length());
        boolean space = true;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == 'ß') {
                out.append("ss");
                space = false;
            } else if (Character.isLetterOrDigit(c)) {
                out.append(c);
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        int end = out.length();
        if (end > 0 && out.charAt(end - 1) == ' ') {
            out.setLength(end - 1);
        }
        return out.toString();
    }

    static List<String> tokens(String normalised) {
        return normalised.isEmpty() ? List.of() : Arrays.asList(normalised.split(" "));
    }

    /** The feature vector of a raw text. */
    static SparseVector of(String text) {
        List<String> words = tokens(normalise(text));
        // A sorted map gives the same index order every time, so sums are added in the same order.
        TreeMap<Integer, Float> counts = new TreeMap<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            add(counts, "w:" + w);
            if (i + 1 < words.size()) {
                add(counts, "b:" + w + ' ' + words.get(i + 1));
            }
            addCharGrams(counts, w);
        }
        return toUnitVector(counts);
    }

    private static void addCharGrams(TreeMap<Integer, Float> counts, String word) {
        String padded = '<' + word + '>';
        for (int n = 3; n <= 5; n++) {
            for (int start = 0; start + n <= padded.length(); start++) {
                add(counts, padded.substring(start, start + n));
            }
        }
    }

    private static void add(TreeMap<Integer, Float> counts, String feature) {
        counts.merge(fnv1a(feature) & MASK, 1f, Float::sum);
    }

    /** Sublinear term frequency (1 + ln tf), then unit length, so long tickets do not shout louder than short ones. */
    private static SparseVector toUnitVector(TreeMap<Integer, Float> counts) {
        int[] index = new int[counts.size()];
        float[] value = new float[counts.size()];
        double norm = 0;
        int k = 0;
        for (var e : counts.entrySet()) {
            index[k] = e.getKey();
            value[k] = (float) (1 + Math.log(e.getValue()));
            norm += value[k] * value[k];
            k++;
        }
        float scale = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < value.length; i++) {
            value[i] *= scale;
        }
        return new SparseVector(index, value);
    }

    static int fnv1a(String s) {
        int h = 0x811c9dc5;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x01000193;
        }
        return h;
    }

    /** Feature ids (ascending) and their weights. */
    record SparseVector(int[] index, float[] value) {
    }

    /** Convenience for tests and tools. */
    static List<SparseVector> ofAll(List<String> texts) {
        List<SparseVector> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(of(t));
        }
        return out;
    }
}
