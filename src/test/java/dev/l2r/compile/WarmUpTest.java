package dev.l2r.compile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The start-up warm-up must build and fire its rule: a warm-up that fails warms nothing. */
class WarmUpTest {

    @Test
    void buildsAndFiresItsRule() {
        assertTrue(WarmUp.run(), "the warm-up rule did not build or did not fire on its one lead");
    }
}
