/**
 * JMH benchmarks of prodtrack. Build and run:
 * {@code ./mvnw -B -q package -DskipTests -pl benchmarks -am && java -jar benchmarks/target/benchmarks.jar}.
 */
package dev.prodtrack.benchmarks;
