/**
 * Kitsu's JSON in and out: {@link dev.prodtrack.kitsu.KitsuImport} reads a production dumped from
 * Kitsu (one JSON array per collection, in the shapes of zou's {@code /data/...} routes and gazu) into
 * an empty store, {@link dev.prodtrack.kitsu.KitsuExport} writes an engine's production back in the same
 * shapes, and {@link dev.prodtrack.kitsu.KitsuVerify} lists the tasks whose stored status or dates
 * disagree with Kitsu's replay of their comment history.
 */
package dev.prodtrack.kitsu;
