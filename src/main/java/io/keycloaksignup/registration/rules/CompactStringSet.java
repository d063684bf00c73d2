package io.keycloaksignup.registration.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable set of strings kept as their UTF-8 bytes, sorted and packed into one array, and
 * searched by bisection. Hundreds of thousands of short strings cost a few bytes of overhead each
 * this way, against 50 or more as {@code String} objects in a hash set.
 */
final class CompactStringSet {

    private final byte[] bytes;
    /** Entry {@code i} is {@code bytes[starts[i]]} up to, not including, {@code bytes[starts[i + 1]]}. */
    private final int[] starts;

    private CompactStringSet(byte[] bytes, int[] starts) {
        this.bytes = bytes;
        this.starts = starts;
    }

    /** Takes entries in any order, duplicates included, and packs them in {@link #build()}. */
    static final class Builder {

        private final List<byte[]> entries = new ArrayList<>();

        void add(String entry) {
            entries.add(entry.getBytes(StandardCharsets.UTF_8));
        }

        CompactStringSet build() {
            entries.sort(Arrays::compareUnsigned);
            List<byte[]> unique = withoutDuplicates(entries);
            int[] starts = new int[unique.size() + 1];
            for (int i = 0; i < unique.size(); i++) {
                starts[i + 1] = Math.addExact(starts[i], unique.get(i).length);
            }
            byte[] bytes = new byte[starts[unique.size()]];
            for (int i = 0; i < unique.size(); i++) {
                System.arraycopy(unique.get(i), 0, bytes, starts[i], unique.get(i).length);
            }
            return new CompactStringSet(bytes, starts);
        }

        private static List<byte[]> withoutDuplicates(List<byte[]> sorted) {
            List<byte[]> unique = new ArrayList<>(sorted.size());
            for (byte[] entry : sorted) {
                if (unique.isEmpty() || !Arrays.equals(unique.get(unique.size() - 1), entry)) {
                    unique.add(entry);
                }
            }
            return unique;
        }
    }

    int size() {
        return starts.length - 1;
    }

    boolean contains(String value) {
        byte[] key = value.getBytes(StandardCharsets.UTF_8);
        int low = 0;
        int high = size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = Arrays.compareUnsigned(bytes, starts[middle], starts[middle + 1], key, 0, key.length);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
