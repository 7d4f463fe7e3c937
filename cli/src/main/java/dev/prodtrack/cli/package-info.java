/**
 * The {@code prodtrack} command line (picocli): the demo, import, export and reports over a store.
 *
 * <p>Shared plumbing every command reuses: {@link dev.prodtrack.cli.StoreOptions} ({@code --store},
 * {@code --as}; opens the file store and the engine), {@link dev.prodtrack.cli.ProjectOption} ({@code
 * --project}), {@link dev.prodtrack.cli.AsOfOption} ({@code --as-of}), {@link dev.prodtrack.cli.ScopeOptions}
 * (the scope filters, giving a {@link dev.prodtrack.schedule.Scope}), {@link dev.prodtrack.cli.FormatOption}
 * and {@link dev.prodtrack.cli.Table} ({@code --format table|csv|json}), and the exit codes of {@link
 * dev.prodtrack.cli.ExitCode} raised through {@link dev.prodtrack.cli.CommandFailedException}.
 */
package dev.prodtrack.cli;
