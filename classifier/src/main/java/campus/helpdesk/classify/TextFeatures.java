package campus.helpdesk.classify;

import java.util.Arrays;
import java.util.List;

/**
 * Turns a ticket's text into a sparse, L2-normalised vector of hashed features: word unigrams and bigrams plus
 * character 3–5-grams of each word. Character n-grams carry the model across typos ("elevetor"), inflections
 * ("stampante"/"stampanti") and compounds ("Drucker"/"Netzwerkdrucker"), which matter more than anything else
 * with five languages and a small corpus. A few policy concepts ({@link Concepts}) are added as shared tokens; the
 * words of a greeting and a sign-off ({@link Courtesy}) are left out. Hashing keeps memory fixed; the hash is our own (FNV-1a), so feature
 * ids never depend on the JVM.
 */
final class TextFeatures {

    /** 2^18 buckets: collisions are rare for a corpus of a few thousand short texts, and three weight rows stay small. */
    static final int DIMENSIONS = 1 << 18;
    private static final int MASK = DIMENSIONS - 1;
    private static final int WORD_SEED = 0x811c9dc5;
    private static final int CHAR_SEED = 0x050c5d1f;
    private static final int CONCEPT_SEED = 0x2f1c3a77;

    private TextFeatures() {
    }

    static String normalise(String text) {
        return TextFolding.fold(text);
    }

    static List<String> tokens(String normalised) {
        return normalised.isEmpty() ? List.of() : Arrays.asList(normalised.split(" "));
    }

    /** The feature vector of a raw text. */
    static SparseVector of(String text) {
        List<String> words = Courtesy.without(tokens(normalise(text)));
        int[] ids = new int[64];
        int n = 0;
        List<String> concepts = new java.util.ArrayList<>(2);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            concepts.clear();
            Concepts.of(w, concepts);
            int needed = n + 2 + concepts.size() + 3 * (w.length() + 2);
            if (needed > ids.length) {
                ids = Arrays.copyOf(ids, Math.max(needed, ids.length * 2));
            }
            int wordHash = hash(WORD_SEED, w, 0, w.length());
            ids[n++] = wordHash & MASK;
            if (i + 1 < words.size()) {
                String next = words.get(i + 1);
                ids[n++] = hash(hash(wordHash, " ", 0, 1), next, 0, next.length()) & MASK;
            }
            n = addCharGrams(ids, n, '<' + w + '>');
            for (String concept : concepts) {
                ids[n++] = hash(CONCEPT_SEED, concept, 0, concept.length()) & MASK;
            }
        }
        return toUnitVector(ids, n);
    }

    /** Character n-grams, n = 3..5, of the word padded with {@code <} and {@code >} to mark its start and end. */
    private static int addCharGrams(int[] ids, int n, String padded) {
        for (int len = 3; len <= 5; len++) {
            for (int start = 0; start + len <= padded.length(); start++) {
                ids[n++] = hash(CHAR_SEED, padded, start, start + len) & MASK;
            }
        }
        return n;
    }

    /**
     * Counts equal ids (after sorting, so the order is always ascending and sums are reproducible), applies
     * sublinear term frequency (1 + ln tf) so long tickets do not shout louder, then scales to unit length.
     */
    private static SparseVector toUnitVector(int[] ids, int n) {
        Arrays.sort(ids, 0, n);
        int[] index = new int[n];
        float[] value = new float[n];
        int k = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && ids[j] == ids[i]) {
                j++;
            }
            index[k] = ids[i];
            value[k++] = (float) (1 + Math.log(j - i));
            i = j;
        }
        double norm = 0;
        for (int i = 0; i < k; i++) {
            norm += value[i] * value[i];
        }
        float scale = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < k; i++) {
            value[i] *= scale;
        }
        return new SparseVector(Arrays.copyOf(index, k), Arrays.copyOf(value, k));
    }

    /** FNV-1a over {@code s[from, to)}, continuing from {@code seed}: words and n-grams use different seeds. */
    static int hash(int seed, String s, int from, int to) {
        int h = seed;
        for (int i = from; i < to; i++) {
            h ^= s.charAt(i);
            h *= 0x01000193;
        }
        return h;
    }

    /** Feature ids (ascending) and their weights. */
    record SparseVector(int[] index, float[] value) {
    }
}
