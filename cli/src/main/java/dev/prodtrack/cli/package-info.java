/**
 * The {@code prodtrack} command line (picocli): the demo today; import, export and reports over a store
 * as they land.
 */
package dev.prodtrack.cli;
