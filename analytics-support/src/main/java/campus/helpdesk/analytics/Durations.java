package campus.helpdesk.analytics;

import java.util.Arrays;

/**
 * A sorted multiset of durations (or instants) in milliseconds with their sum: count, average and any
 * percentile_disc in O(1), how many are below a value in O(log n).
 * While a snapshot loads, values are appended unsorted and sorted once at the end ({@link #sort()}); afterwards
 * each change is a binary search and a shift. Not thread-safe.
 */
public final class Durations {

    private long[] values = new long[8];
    private int size;
    private long sum;
    private boolean sorted = true;

    public int size() {
        return size;
    }

    public long sum() {
        return sum;
    }

    /** Adds a value; {@code bulk} defers ordering to {@link #sort()}. */
    public void add(long value, boolean bulk) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        sum += value;
        if (bulk) {
            values[size++] = value;
            sorted = false;
            return;
        }
        sort();
        int at = insertionPoint(value);
        System.arraycopy(values, at, values, at + 1, size - at);
        values[at] = value;
        size++;
    }

    /** Removes one occurrence of the value, if present. */
    public void remove(long value) {
        sort();
        int at = Arrays.binarySearch(values, 0, size, value);
        if (at < 0) {
            return;
        }
        System.arraycopy(values, at + 1, values, at, size - at - 1);
        size--;
        sum -= value;
    }

    public void sort() {
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
    }

    /**
     * PostgreSQL's {@code percentile_disc(p) WITHIN GROUP (ORDER BY value)}: the first value whose cumulative
     * share reaches p, i.e. row ceil(p × n) (1-based), computed in double exactly as PostgreSQL does.
     */
    public long percentileDisc(double p) {
        return Hours.percentileDisc(values, size, p);
    }

    /** How many values are strictly below {@code value}. */
    public int countBelow(long value) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (values[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private int insertionPoint(long value) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (values[mid] <= value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
