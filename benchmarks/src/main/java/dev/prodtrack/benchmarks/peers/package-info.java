/**
 * The side-by-side comparison of issue 6: prodtrack against H2 in-memory, SQLite in-memory and plain
 * Java collections, on one generated production loaded identically into each (schedule-analytics §10).
 * One JMH class per question with {@code @Param peer}; every peer's answers are checked against
 * prodtrack's before timing. {@link dev.prodtrack.benchmarks.peers.Footprint} measures load time and
 * heap after load per peer; {@link dev.prodtrack.benchmarks.peers.Report} turns JMH's JSON into the
 * ratio table of {@code benchmarks/RESULTS.md}.
 */
package dev.prodtrack.benchmarks.peers;
