/**
 * prodtrack's domain engine: Kitsu's data model and rules, in memory.
 */
module dev.prodtrack.core {
  requires transitive dev.prodtrack.storage;
  requires org.eclipse.collections.api;
  requires org.eclipse.collections.impl;
  requires tools.jackson.core;

  exports dev.prodtrack;
  exports dev.prodtrack.model;
  exports dev.prodtrack.event;
  exports dev.prodtrack.kitsu;
  exports dev.prodtrack.schedule;
  exports dev.prodtrack.testkit;
}
