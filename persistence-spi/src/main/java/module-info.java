/**
 * The storage contract of prodtrack and its stock adapters. Depends on the JDK alone.
 */
module dev.prodtrack.storage {
  exports dev.prodtrack.storage;
  exports dev.prodtrack.storage.memory;
  exports dev.prodtrack.storage.file;
}
