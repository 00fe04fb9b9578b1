package dev.l2r.ingest;

/** One input file read for a run: its digest and how many rows were read, accepted and rejected. */
public record InputFile(String path, String sha256, long read, long accepted, long rejected) {}
