/**
 * Kitsu's data model as immutable records with typed ids: projects, people, departments, entity types,
 * entities, task types, task statuses, tasks, comments, time spents and days off.
 */
package dev.prodtrack.model;
