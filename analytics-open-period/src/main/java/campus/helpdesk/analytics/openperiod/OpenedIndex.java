package campus.helpdesk.analytics.openperiod;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An ordered index of opening times that counts, per category, how many entries opened at or after a given
 * instant in O(log n): a treap keyed by (openedMillis, ticketId) whose nodes carry their subtree's count per
 * category. Nodes live in parallel arrays (no object per ticket); removed nodes are reused. Not thread-safe.
 */
final class OpenedIndex {

    private static final int NIL = 0;

    private final int categories;
    private final SplittableRandom random = new SplittableRandom(42);
    private long[] opened;
    private long[] ids;
    private int[] priority;
    private int[] left;
    private int[] right;
    private byte[] category;
    /** counts[c * capacity + node]: entries of category c in the subtree of node. */
    private int[] counts;
    private int capacity;
    private int used;
    private int freeList = NIL;
    private int root = NIL;
    private int size;

    // results of split(), kept in fields to avoid allocating a pair per call
    private int splitLeft;
    private int splitRight;

    OpenedIndex(int categories) {
        this.categories = categories;
        allocate(1024);
    }

    int size() {
        return size;
    }

    void clear() {
        allocate(1024);
    }

    void add(long openedMillis, long ticketId, int categoryOrdinal) {
        int node = newNode(openedMillis, ticketId, categoryOrdinal);
        root = insert(root, node);
        size++;
    }

    /** Removes the entry of this ticket at this opening time; returns false when there is none. */
    boolean remove(long openedMillis, long ticketId) {
        int before = size;
        root = remove(root, openedMillis, ticketId);
        return size < before;
    }

    /** Per category, the entries whose opening time is ≥ fromMillis. */
    long[] countFrom(long fromMillis) {
        long[] result = new long[categories];
        int node = root;
        while (node != NIL) {
            if (opened[node] >= fromMillis) {
                result[category[node]]++;
                for (int c = 0; c < categories; c++) {
                    result[c] += counts[c * capacity + right[node]];
                }
                node = left[node];
            } else {
                node = right[node];
            }
        }
        return result;
    }

    private int insert(int tree, int node) {
        if (tree == NIL) {
            return node;
        }
        if (priority[node] > priority[tree]) {
            split(tree, opened[node], ids[node]);
            left[node] = splitLeft;
            right[node] = splitRight;
            pull(node);
            return node;
        }
        if (less(opened[node], ids[node], tree)) {
            left[tree] = insert(left[tree], node);
        } else {
            right[tree] = insert(right[tree], node);
        }
        pull(tree);
        return tree;
    }

    /** Splits tree into keys < (openedMillis, id) → splitLeft and the rest → splitRight. */
    private void split(int tree, long openedMillis, long id) {
        if (tree == NIL) {
            splitLeft = NIL;
            splitRight = NIL;
            return;
        }
        if (less(opened[tree], ids[tree], openedMillis, id)) {
            split(right[tree], openedMillis, id);
            right[tree] = splitLeft;
            pull(tree);
            splitLeft = tree;
        } else {
            split(left[tree], openedMillis, id);
            left[tree] = splitRight;
            pull(tree);
            splitRight = tree;
        }
    }

    private int remove(int tree, long openedMillis, long id) {
        if (tree == NIL) {
            return NIL;
        }
        if (opened[tree] == openedMillis && ids[tree] == id) {
            int merged = merge(left[tree], right[tree]);
            release(tree);
            size--;
            return merged;
        }
        if (less(openedMillis, id, tree)) {
            left[tree] = remove(left[tree], openedMillis, id);
        } else {
            right[tree] = remove(right[tree], openedMillis, id);
        }
        pull(tree);
        return tree;
    }

    /** Joins two treaps where every key of a is below every key of b. */
    private int merge(int a, int b) {
        if (a == NIL) {
            return b;
        }
        if (b == NIL) {
            return a;
        }
        if (priority[a] > priority[b]) {
            right[a] = merge(right[a], b);
            pull(a);
            return a;
        }
        left[b] = merge(a, left[b]);
        pull(b);
        return b;
    }

    private void pull(int node) {
        for (int c = 0; c < categories; c++) {
            int base = c * capacity;
            counts[base + node] = counts[base + left[node]] + counts[base + right[node]] + (category[node] == c ? 1 : 0);
        }
    }

    private boolean less(long openedMillis, long id, int node) {
        return less(openedMillis, id, opened[node], ids[node]);
    }

    private static boolean less(long openedA, long idA, long openedB, long idB) {
        return openedA < openedB || (openedA == openedB && idA < idB);
    }

    private int newNode(long openedMillis, long ticketId, int categoryOrdinal) {
        int node;
        if (freeList != NIL) {
            node = freeList;
            freeList = left[node];
        } else {
            if (used + 1 >= capacity) {
                grow(capacity * 2);
            }
            node = ++used;
        }
        opened[node] = openedMillis;
        ids[node] = ticketId;
        priority[node] = random.nextInt();
        left[node] = NIL;
        right[node] = NIL;
        category[node] = (byte) categoryOrdinal;
        pull(node);
        return node;
    }

    private void release(int node) {
        left[node] = freeList;
        right[node] = NIL;
        freeList = node;
    }

    private void allocate(int newCapacity) {
        capacity = newCapacity;
        opened = new long[capacity];
        ids = new long[capacity];
        priority = new int[capacity];
        left = new int[capacity];
        right = new int[capacity];
        category = new byte[capacity];
        counts = new int[categories * capacity];
        used = 0;
        freeList = NIL;
        root = NIL;
        size = 0;
    }

    private void grow(int newCapacity) {
        opened = Arrays.copyOf(opened, newCapacity);
        ids = Arrays.copyOf(ids, newCapacity);
        priority = Arrays.copyOf(priority, newCapacity);
        left = Arrays.copyOf(left, newCapacity);
        right = Arrays.copyOf(right, newCapacity);
        category = Arrays.copyOf(category, newCapacity);
        int[] grown = new int[categories * newCapacity];
        for (int c = 0; c < categories; c++) {
            System.arraycopy(counts, c * capacity, grown, c * newCapacity, capacity);
        }
        counts = grown;
        capacity = newCapacity;
    }
}
