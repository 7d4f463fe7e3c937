/**
 * The crash-safe file adapter: {@link dev.prodtrack.storage.file.FileStore}, a journal of change sets
 * with chained CRC32C framing plus snapshots, in one directory. The on-disk format is documented in
 * {@code FORMAT.md} next to this package's sources.
 */
package dev.prodtrack.storage.file;
