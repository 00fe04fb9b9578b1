package dev.l2r.ingest;

import java.util.HashMap;
import java.util.Map;

/**
 * The lead ids read so far, each with where it was first read (a file index and a line), in 20 bytes a slot:
 * at most 0.8 of the slots are in use, and the table grows by a quarter, so an id costs 25 to 31.3 bytes (10
 * million ids: 15.0 million slots, 301 MB; never over 313 MB) instead of the hundred-odd bytes of a
 * {@code HashMap<String, Long>} entry. A slot is five ints of one array, so that an insert misses the cache
 * once, not once an array.
 *
 * <p>An id is kept as a hash, not as text, in an open-addressing table with linear probing: 112 bits of
 * MurmurHash3 x64/128 of its UTF-16 text (the other 16 bits of the slot's second hash half hold the file index).
 * Two different ids are taken as one only when those 112 bits are equal. For n ids the chance that any two of
 * them share them is at most n(n-1)/2 / 2^112: for 10 million ids about 5e13 / 5.2e33, i.e. 1e-20, far below
 * the chance that the machine itself flips a bit of the answer. MurmurHash3 is no cryptographic hash: this
 * bound is for ids as data holds them, not for ids crafted to collide, and a crafted collision can only make
 * one lead read as a duplicate of another.
 */
final class LeadIds {

    /** Most slots in use before the table grows by a quarter. */
    private static final double MAX_LOAD = 0.8;
    /** A line that does not fit the unsigned int of a slot: the place is in {@link #far}. */
    private static final int FAR = -1;
    /** Ints a slot: h1 high, h1 low, h2 low, h2 bits 32-47 with the file index below them, the line. */
    private static final int INTS = 5;

    /** The slots; a slot whose first two ints are 0 is free. */
    private int[] table;

    private int slots;
    private int size;
    private int grow;
    /** Places of ids first read past line 2^32 - 1 (a file of four billion lines), by id. */
    private final Map<String, Long> far = new HashMap<>();

    LeadIds() {
        allocate(1 << 10);
    }

    private void allocate(int slots) {
        this.slots = slots;
        table = new int[INTS * slots];
        grow = (int) (slots * MAX_LOAD);
    }

    /** Number of ids. */
    int size() {
        return size;
    }

    /** Slots of the table (for the memory test). */
    int slots() {
        return slots;
    }

    /**
     * Adds the id read at {@code file} (0-65535) and {@code line} (below 2^48) and returns -1; or, when it was
     * read before, returns where first, as {@code file << 48 | line}, and keeps that.
     */
    long putIfAbsent(String id, int file, long line) {
        hash(id);
        long h1 = hashHi;
        if (h1 == 0) h1 = 1; // h1 0 marks a free slot
        int hi = (int) (h1 >>> 32);
        int lo = (int) h1;
        int h2lo = (int) hashLo;
        int h2mid = (int) (hashLo >>> 32) & 0xFFFF_0000; // bits 48-63 of h2; bits 32-47 are dropped
        int[] t = table;
        int n = slots;
        int i = index(h1, n);
        while (true) {
            int k = INTS * i;
            int a = t[k];
            int b = t[k + 1];
            if (a == 0 && b == 0) {
                t[k] = hi;
                t[k + 1] = lo;
                t[k + 2] = h2lo;
                t[k + 3] = h2mid | (file & 0xFFFF);
                if (line >= 0xFFFF_FFFFL) {
                    t[k + 4] = FAR;
                    far.put(id, line);
                } else {
                    t[k + 4] = (int) line;
                }
                if (++size > grow) rehash(n + (n >> 2));
                return -1;
            }
            if (a == hi && b == lo && t[k + 2] == h2lo && (t[k + 3] & 0xFFFF_0000) == h2mid) {
                int l = t[k + 4];
                long first = l == FAR ? far.getOrDefault(id, 0L) : l & 0xFFFF_FFFFL;
                return ((long) (t[k + 3] & 0xFFFF) << 48) | first;
            }
            if (++i == n) i = 0;
        }
    }

    /** Slot where a hash starts its probe: the top half of h1 scaled to the table (no power-of-two size). */
    private static int index(long h1, int slots) {
        return (int) (((h1 >>> 32) * slots) >>> 32);
    }

    private void rehash(int newSlots) {
        int[] old = table;
        allocate(newSlots);
        int[] t = table;
        for (int j = 0; j < old.length; j += INTS) {
            int a = old[j];
            int b = old[j + 1];
            if (a == 0 && b == 0) continue;
            int i = index(((long) a << 32) | (b & 0xFFFF_FFFFL), newSlots);
            while (t[INTS * i] != 0 || t[INTS * i + 1] != 0) {
                if (++i == newSlots) i = 0;
            }
            System.arraycopy(old, j, t, INTS * i, INTS);
        }
    }

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    /** The two halves of the last {@link #hash}. */
    private long hashHi;

    private long hashLo;

    /** MurmurHash3 x64/128 (seed 0) of the text's UTF-16 code units, little-endian, as two longs. */
    static long[] hash128(CharSequence s) {
        LeadIds ids = new LeadIds();
        ids.hash(s);
        return new long[] {ids.hashHi, ids.hashLo};
    }

    private void hash(CharSequence s) {
        int n = s.length();
        long h1 = 0;
        long h2 = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long k1 = chars(s, i, 4);
            long k2 = chars(s, i + 4, 4);
            h1 ^= mixK1(k1);
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;
            h2 ^= mixK2(k2);
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        int rest = n - i;
        if (rest > 4) h2 ^= mixK2(chars(s, i + 4, rest - 4));
        if (rest > 0) h1 ^= mixK1(chars(s, i, Math.min(rest, 4)));
        long bytes = 2L * n;
        h1 ^= bytes;
        h2 ^= bytes;
        h1 += h2;
        h2 += h1;
        h1 = fmix64(h1);
        h2 = fmix64(h2);
        h1 += h2;
        h2 += h1;
        hashHi = h1;
        hashLo = h2;
    }

    /** Up to four chars from {@code at} as a little-endian long. */
    private static long chars(CharSequence s, int at, int count) {
        long k = 0;
        for (int j = count - 1; j >= 0; j--) k = (k << 16) | s.charAt(at + j);
        return k;
    }

    private static long mixK1(long k1) {
        k1 *= C1;
        k1 = Long.rotateLeft(k1, 31);
        return k1 * C2;
    }

    private static long mixK2(long k2) {
        k2 *= C2;
        k2 = Long.rotateLeft(k2, 33);
        return k2 * C1;
    }

    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
