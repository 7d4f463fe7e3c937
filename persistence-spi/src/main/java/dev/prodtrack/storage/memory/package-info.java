/**
 * The in-memory storage adapter: {@link dev.prodtrack.storage.memory.MemoryStore} keeps committed
 * records on the heap, for tests, demos and engines that need no persistence.
 *
 * <p>Its content outlives a closed handle, so an engine can be closed and reopened "from the same
 * store" within one JVM; nothing survives the process.
 */
package dev.prodtrack.storage.memory;
