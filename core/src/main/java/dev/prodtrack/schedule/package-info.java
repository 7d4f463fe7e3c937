/**
 * Schedule analytics (schedule-analytics.md): the working-day calendar every metric uses, the result
 * records of the metrics built on it (lateness, at risk, workload and team workload grids, quotas, earned
 * value in person-days or money, forecasts, burn-down, timelines, critical path), the {@link
 * dev.prodtrack.schedule.Scope} every metric is narrowed by, and {@link dev.prodtrack.schedule.GanttSvg},
 * which draws a timeline as an SVG Gantt chart with milestones, {@link dev.prodtrack.schedule.BurndownSvg},
 * which draws a burn-down series as an SVG line chart, and {@link dev.prodtrack.schedule.ChartPage}, which
 * wraps either in a standalone HTML page. The engine computes them through
 * {@code session.schedule()}.
 */
package dev.prodtrack.schedule;
