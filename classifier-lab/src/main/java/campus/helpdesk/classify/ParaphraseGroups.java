package campus.helpdesk.classify;

import campus.helpdesk.classify.TextFeatures.SparseVector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Groups examples that say nearly the same thing, so that cross-validation never trains on one wording and tests
 * on its twin. Plain stratified folds do exactly that: the corpus holds families of tickets ("lift stuck in
 * building C", "lift stuck in the library") and such a fold scores memory, not generalisation.
 * <p>
 * Two texts are linked when the cosine of their feature vectors (the product's own word and character n-grams)
 * reaches {@link #LINK}; groups are the connected components. A translation into another language shares only a
 * few character n-grams and is not caught: folds still pair languages, which the README states.
 */
final class ParaphraseGroups {

    /**
     * A judgement, not a fit: at 0.5 two short texts share most of their words and character n-grams, as rewordings
     * of one ticket do. It does not chain the corpus together: the largest group has about ten members.
     */
    static final double LINK = 0.5;
    private static final long SEED = 11L;

    private ParaphraseGroups() {
    }

    /** The group id of every example (0..groups-1). */
    static int[] of(List<LabelledText> examples) {
        int n = examples.size();
        SparseVector[] v = new SparseVector[n];
        for (int i = 0; i < n; i++) {
            v[i] = TextFeatures.of(examples.get(i).text());
        }
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        // All pairs of the 5,800 corpus texts: one text spread over a dense array and the others read against it takes
        // 5 s, where merging two sparse lists per pair (branches the processor cannot predict) took 31-45 s.
        float[] spread = new float[TextFeatures.DIMENSIONS];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < v[i].index().length; f++) {
                spread[v[i].index()[f]] = v[i].value()[f];
            }
            for (int j = i + 1; j < n; j++) {
                if (dot(spread, v[j]) >= LINK) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
            for (int f : v[i].index()) {
                spread[f] = 0;
            }
        }
        int[] group = new int[n];
        int[] idOfRoot = new int[n];
        java.util.Arrays.fill(idOfRoot, -1);
        int next = 0;
        for (int i = 0; i < n; i++) {
            int root = find(parent, i);
            if (idOfRoot[root] < 0) {
                idOfRoot[root] = next++;
            }
            group[i] = idOfRoot[root];
        }
        return group;
    }

    /**
     * Folds by whole groups: groups in a seeded random order, largest first, each to the fold that has fewest
     * examples of that group's majority category so far, which keeps the folds close to stratified.
     */
    static int[] folds(List<LabelledText> examples, int[] group, int k) {
        int groups = 0;
        for (int g : group) {
            groups = Math.max(groups, g + 1);
        }
        List<List<Integer>> members = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < group.length; i++) {
            members.get(group[i]).add(i);
        }
        Collections.shuffle(members, new Random(SEED));
        members.sort((a, b) -> b.size() - a.size()); // stable: equal sizes keep the shuffled order
        int[][] load = new int[k][ModelKind.CLASSES];
        int[] fold = new int[group.length];
        for (List<Integer> m : members) {
            int c = examples.get(m.get(0)).category().ordinal();
            int best = 0;
            for (int f = 1; f < k; f++) {
                if (load[f][c] < load[best][c]) {
                    best = f;
                }
            }
            for (int i : m) {
                fold[i] = best;
                load[best][examples.get(i).category().ordinal()]++;
            }
        }
        return fold;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** {@code spread}: a unit vector as a dense array; the dot product with another unit vector is their cosine. */
    private static double dot(float[] spread, SparseVector b) {
        double dot = 0;
        int[] index = b.index();
        float[] value = b.value();
        for (int f = 0; f < index.length; f++) {
            dot += (double) spread[index[f]] * value[f];
        }
        return dot;
    }
}
