/**
 * The storage contract: a {@link dev.prodtrack.storage.Store} persists opaque records, grouped in atomic
 * {@link dev.prodtrack.storage.ChangeSet change sets}, and hands them back when the engine is reopened.
 *
 * <p>The storage layer knows nothing of tasks or comments: a record is a kind, an id and a payload of
 * bytes that only the engine interprets. Every adapter passes the conformance suite published in this
 * module's test-jar.
 */
package dev.prodtrack.storage;
