package dev.l2r.evaluate;

import dev.l2r.model.Severity;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Violations gathered in any order and handed back in report order, with memory bounded: up to
 * {@code runSize} are kept in memory; beyond that each full batch is sorted and written as a run to a
 * temporary file, and the runs are merged as the result is read. The order is that of one stable sort of all
 * violations in the order they were added (a tie between runs goes to the earlier run), so spilling never
 * changes the result. Ten million leads make a few million violations, more than a 2 GB heap holds as text.
 */
final class ViolationRuns {

    /** Violations kept in memory before a run is written: a quarter of the heap at about 1 KB each. */
    static final int RUN_SIZE = Integer.getInteger("l2r.violationRun", (int) Math.max(
            10_000, Math.min(Integer.MAX_VALUE / 2, Runtime.getRuntime().maxMemory() / 4 / 1024)));

    private final Comparator<Violation> order;
    private final int runSize;
    private List<Violation> buffer = new ArrayList<>();
    private Path file;
    private DataOutputStream out;
    private long written;
    /** Each run: its offset in the file, its length in bytes and its number of violations. */
    private final List<long[]> runs = new ArrayList<>();

    private long total;
    /** Violations added, by severity (ordinal). */
    private final long[] bySeverity = new long[Severity.values().length];

    ViolationRuns(Comparator<Violation> order, int runSize) {
        this.order = order;
        this.runSize = Math.max(1, runSize);
    }

    void add(Violation v) {
        buffer.add(v);
        total++;
        if (v.severity() != null) bySeverity[v.severity().ordinal()]++;
        if (buffer.size() >= runSize) spill();
    }

    void addAll(List<Violation> vs) {
        for (Violation v : vs) add(v);
    }

    /** A list of violations that knows how many it holds of each severity without reading them. */
    interface Counted {
        long count(Severity s);
    }

    /** All violations in report order; nothing may be added after. */
    List<Violation> sorted() {
        if (file == null) {
            buffer.sort(order);
            return buffer;
        }
        if (!buffer.isEmpty()) spill();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Merged(file, List.copyOf(runs), total, order, bySeverity.clone());
    }

    /** Sorts the buffer and appends it to the file as one run. */
    private void spill() {
        buffer.sort(order);
        try {
            if (file == null) {
                file = Files.createTempFile("l2r-violations", ".bin");
                file.toFile().deleteOnExit();
                out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            }
            long start = written;
            for (Violation v : buffer) write(out, v);
            out.flush();
            written = Files.size(file);
            runs.add(new long[] {start, written - start, buffer.size()});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write violations to a temporary file: " + e.getMessage(), e);
        }
        buffer = new ArrayList<>();
    }

    private static void write(DataOutputStream o, Violation v) throws IOException {
        text(o, v.period());
        text(o, v.clauseId());
        text(o, v.clauseTitle());
        text(o, v.type());
        o.writeByte(v.severity() == null ? -1 : v.severity().ordinal());
        text(o, v.team());
        text(o, v.owner());
        text(o, v.subject());
        text(o, v.expected());
        text(o, v.actual());
        text(o, v.deadline());
        text(o, v.message());
        text(o, v.accountable());
    }

    private static void text(DataOutputStream o, String s) throws IOException {
        if (s == null) {
            o.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        o.writeInt(b.length);
        o.write(b);
    }

    private static Violation read(DataInputStream in) throws IOException {
        String period = text(in);
        String clauseId = text(in);
        String clauseTitle = text(in);
        String type = text(in);
        int sev = in.readByte();
        return new Violation(
                period,
                clauseId,
                clauseTitle,
                type,
                sev < 0 ? null : Severity.values()[sev],
                text(in),
                text(in),
                text(in),
                text(in),
                text(in),
                text(in),
                text(in),
                text(in));
    }

    private static String text(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /**
     * The runs of a file merged in report order as they are read; each pass over the list reads the file
     * again. {@link #get} walks from the start: iterate instead.
     */
    private static final class Merged extends AbstractList<Violation> implements Counted {
        private final Path file;
        private final List<long[]> runs;
        private final long size;
        private final Comparator<Violation> order;
        private final long[] bySeverity;

        Merged(Path file, List<long[]> runs, long size, Comparator<Violation> order, long[] bySeverity) {
            this.file = file;
            this.runs = runs;
            this.size = size;
            this.order = order;
            this.bySeverity = bySeverity;
        }

        @Override
        public long count(Severity s) {
            return bySeverity[s.ordinal()];
        }

        @Override
        public int size() {
            return (int) Math.min(size, Integer.MAX_VALUE);
        }

        @Override
        public Violation get(int index) {
            if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
            Iterator<Violation> it = iterator();
            for (int i = 0; i < index; i++) it.next();
            return it.next();
        }

        @Override
        public Iterator<Violation> iterator() {
            FileChannel ch;
            try {
                ch = FileChannel.open(file, StandardOpenOption.READ);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Iterator<>() {
                /** The head of each run not yet exhausted: its violation, run index and reader. */
                private final PriorityQueue<Head> heads = new PriorityQueue<>((x, y) -> {
                    int c = order.compare(x.v, y.v);
                    return c != 0 ? c : Integer.compare(x.run, y.run);
                });

                {
                    for (int i = 0; i < runs.size(); i++) {
                        long[] r = runs.get(i);
                        DataInputStream in = new DataInputStream(
                                new BufferedInputStream(new RunStream(ch, r[0], r[0] + r[1]), 1 << 16));
                        Head h = new Head(i, in, r[2]);
                        if (h.advance()) heads.add(h);
                    }
                    if (heads.isEmpty()) close();
                }

                @Override
                public boolean hasNext() {
                    return !heads.isEmpty();
                }

                @Override
                public Violation next() {
                    Head h = heads.poll();
                    if (h == null) throw new NoSuchElementException();
                    Violation v = h.v;
                    if (h.advance()) heads.add(h);
                    else if (heads.isEmpty()) close();
                    return v;
                }

                private void close() {
                    try {
                        ch.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        }
    }

    /** The next violation of one run. */
    private static final class Head {
        final int run;
        final DataInputStream in;
        long left;
        Violation v;

        Head(int run, DataInputStream in, long count) {
            this.run = run;
            this.in = in;
            this.left = count;
        }

        boolean advance() {
            if (left == 0) return false;
            left--;
            try {
                v = read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        }
    }

    /** Bytes {@code [pos, end)} of a file, read at their position (runs share one channel). */
    private static final class RunStream extends InputStream {
        private final FileChannel ch;
        private long pos;
        private final long end;

        RunStream(FileChannel ch, long pos, long end) {
            this.ch = ch;
            this.pos = pos;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= end) return -1;
            int n = ch.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - pos)), pos);
            if (n > 0) pos += n;
            return n;
        }
    }
}
