/**
 * The engine's entry point ({@link dev.prodtrack.ProdTrack}), the gazu-shaped session API and the
 * domain refusals. Start at {@link dev.prodtrack.ProdTrack#builder()}.
 */
package dev.prodtrack;
