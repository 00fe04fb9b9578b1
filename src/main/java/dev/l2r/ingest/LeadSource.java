package dev.l2r.ingest;

import dev.l2r.facts.Lead;
import java.util.function.Consumer;

/**
 * Leads handed over one at a time, in input order, so that a check need not hold them all: a file read as
 * it is checked ({@link DataLoader#open}), or leads already in memory ({@code list::forEach}).
 */
@FunctionalInterface
public interface LeadSource {

    /** Hands each lead to {@code each}, in input order. */
    void forEach(Consumer<? super Lead> each);
}
