/**
 * Schedule analytics (schedule-analytics.md): the working-day calendar every metric uses. The metrics
 * themselves (late, at risk, workload, quotas, earned value, forecasts, critical path) build on it.
 */
package dev.prodtrack.schedule;
