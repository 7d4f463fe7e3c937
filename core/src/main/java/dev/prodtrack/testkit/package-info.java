/**
 * Fixtures for tests, benchmarks and demos, built through the public API so that every rule of the
 * engine is respected: {@link dev.prodtrack.testkit.KitsuDefaults} creates Kitsu's standard init data
 * (statuses, task types, departments, asset types), and {@link dev.prodtrack.testkit.ProductionGenerator}
 * builds seeded, realistic productions of the sizes of {@link dev.prodtrack.testkit.Size}.
 *
 * <pre>{@code
 * ProdTrack engine = ProductionGenerator.newEngine(42);
 * Production p = ProductionGenerator.generate(engine, Size.S, 42);
 * List<Task> todo = engine.as(p.artists().get(0)).user().allTasksToDo();
 * }</pre>
 */
package dev.prodtrack.testkit;
