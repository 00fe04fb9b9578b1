package dev.l2r.properties;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small property runner: generates {@code tries} random samples from a fixed seed and checks each one,
 * reporting the first failing sample with the seed that reproduces it. Deterministic by default, so the
 * suite never flickers; run with {@code -Dl2r.props.seed=N} (and {@code -Dl2r.props.tries=N}) to explore.
 */
final class Props {

    static final long SEED = Long.getLong("l2r.props.seed", 20261101L);
    static final int TRIES = Integer.getInteger("l2r.props.tries", 0);

    private Props() {}

    static <T> void forAll(String property, int tries, Function<Random, T> generator, Consumer<T> check) {
        Random seeds = new Random(SEED ^ property.hashCode());
        int n = TRIES > 0 ? TRIES : tries;
        for (int i = 0; i < n; i++) {
            long seed = seeds.nextLong();
            T sample = generator.apply(new Random(seed));
            try {
                check.accept(sample);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(
                        property + ": falsified at try " + (i + 1) + " of " + n + " (-Dl2r.props.seed=" + SEED + ") by "
                                + sample + "\n" + e,
                        e);
            }
        }
    }

    static long between(Random r, long lo, long hi) {
        return lo + (long) (r.nextDouble() * (hi - lo));
    }

    @SafeVarargs
    static <T> T oneOf(Random r, T... values) {
        return values[r.nextInt(values.length)];
    }
}
