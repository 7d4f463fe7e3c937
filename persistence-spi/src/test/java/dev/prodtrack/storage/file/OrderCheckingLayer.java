package dev.prodtrack.storage.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The invariant-checking I/O wrapper of storage.md T9 (the idea of SQLite's journal-test VFS): passes
 * every operation to another {@link FileLayer} and records a violation whenever the store
 * <ul>
 *   <li>acknowledges a change set ({@link #acknowledged(long)}, called by the test when {@code commit} or
 *       {@code awaitCommitted} returned) whose journal frame was not covered by a {@code force} issued
 *       after it was written, or whose segment's directory entry was not yet made durable by a directory
 *       sync;</li>
 *   <li>renames a file that has writes or truncations no {@code force} covered (a snapshot must be forced
 *       before it replaces anything);</li>
 *   <li>deletes a journal segment or snapshot while a snapshot of the directory is not forced or its
 *       directory entry not synced, or while a rename in that directory is not synced (the replacement must
 *       be durable before what it replaces goes);</li>
 *   <li>cuts bytes off a store file ({@code truncate}) while the quarantine copy of them is not forced and
 *       synced into the quarantine directory.</li>
 * </ul>
 * Violations are recorded rather than thrown, so that the store under test behaves exactly as it would
 * without the wrapper; the test calls {@link #assertNoViolations()} (after each action, or at the end).
 * Only operations the delegate completed count: one that throws (a simulated power cut, an injected
 * error) changes nothing here.
 */
final class OrderCheckingLayer implements FileLayer {

  /** One file, followed across renames. */
  private static final class Node {
    String path;
    /** Writes or truncations since the last force. */
    boolean dirty;
    /** Whether the directory entry under {@link #path} has been synced since its last change. */
    boolean entryDurable;
  }

  /** A journal frame written and not yet known to be durable. */
  private record Frame(Node node, boolean forced) {}

  private final FileLayer delegate;
  private final Map<String, Node> nodes = new HashMap<>();
  /** Directory -> nodes whose entry changed there since the directory was last synced. */
  private final Map<String, Set<Node>> unsynced = new HashMap<>();
  /** Directory -> renames into it not yet synced. */
  private final Map<String, Integer> unsyncedRenames = new HashMap<>();
  /** Change-set frames by sequence number, until acknowledged with every condition met. */
  private final TreeMap<Long, Frame> frames = new TreeMap<>();
  private final List<String> violations = new ArrayList<>();
  private long acksChecked;
  private long renamesChecked;
  private long deletesChecked;
  private long truncatesChecked;

  OrderCheckingLayer(FileLayer delegate) {
    this.delegate = delegate;
  }

  // ---- what the test calls ----

  /**
   * The store acknowledged change set {@code seq} (and with it every earlier one): checks that each of
   * their frames was forced after it was written and sits in a segment whose directory entry is durable.
   */
  synchronized void acknowledged(long seq) {
    acksChecked++;
    Iterator<Map.Entry<Long, Frame>> it = frames.headMap(seq, true).entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Long, Frame> e = it.next();
      Frame f = e.getValue();
      if (!f.forced()) {
        violation("change set " + e.getKey() + " acknowledged before a force covering its bytes in "
            + f.node().path);
      } else if (!f.node().entryDurable) {
        violation("change set " + e.getKey() + " acknowledged while the directory entry of its segment "
            + f.node().path + " was not synced");
      }
      it.remove();
    }
  }

  synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  /** Throws if any violation was recorded. */
  synchronized void assertNoViolations() {
    if (!violations.isEmpty()) {
      throw new AssertionError(violations.size() + " write-ordering violation(s), the first ones: "
          + violations.subList(0, Math.min(10, violations.size())));
    }
  }

  /** How many checks ran: acknowledgements, renames, deletes and truncations. */
  synchronized long checks() {
    return acksChecked + renamesChecked + deletesChecked + truncatesChecked;
  }

  synchronized long acknowledgementsChecked() {
    return acksChecked;
  }

  private void violation(String what) {
    violations.add(what);
  }

  // ---- bookkeeping ----

  private static String key(Path p) {
    return p.toAbsolutePath().normalize().toString();
  }

  private static String parent(String path) {
    int i = path.lastIndexOf('/');
    return i <= 0 ? "/" : path.substring(0, i);
  }

  private static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static boolean isSnapshot(String path) {
    return Format.numberIn(name(path), Format.SNAPSHOT_PREFIX, Format.SNAPSHOT_SUFFIX) >= 0;
  }

  private static boolean isJournal(String path) {
    return Format.numberIn(name(path), Format.JOURNAL_PREFIX, Format.JOURNAL_SUFFIX) >= 0;
  }

  /** The node of an existing file this wrapper has not seen change: clean and durable. */
  private Node existing(String path) {
    return nodes.computeIfAbsent(path, p -> {
      Node n = new Node();
      n.path = p;
      n.entryDurable = true;
      return n;
    });
  }

  private void entryChanged(Node n) {
    n.entryDurable = false;
    unsynced.computeIfAbsent(parent(n.path), d -> new HashSet<>()).add(n);
  }

  private synchronized void written(Node n, byte[] bytes, long position) {
    n.dirty = true;
    if (!isJournal(n.path) || position < Format.HEADER_BYTES) {
      return;
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
    int off = 0;
    while (off + Format.FRAME_BYTES <= bytes.length) {
      int length = b.getInt(off);
      if (b.get(off + 8) == Format.TYPE_CHANGE_SET) {
        frames.put(b.getLong(off + 12), new Frame(n, false));
      }
      if (length < 0) {
        break;
      }
      off += Format.FRAME_BYTES + length;
    }
  }

  private synchronized void forced(Node n) {
    n.dirty = false;
    frames.replaceAll((seq, f) -> f.node() == n ? new Frame(n, true) : f);
  }

  private synchronized void truncating(Node n, long size, long currentSize) {
    if (size >= currentSize) {
      n.dirty = true;
      return;
    }
    truncatesChecked++;
    String quarantine = parent(n.path) + "/" + Format.QUARANTINE_DIR;
    for (Node q : nodes.values()) {
      if (parent(q.path).equals(quarantine) && (q.dirty || !q.entryDurable)) {
        violation("truncated " + n.path + " to " + size + " bytes while the quarantine copy " + q.path
            + (q.dirty ? " was not forced" : " was not synced into its directory"));
      }
    }
    n.dirty = true;
  }

  // ---- FileLayer ----

  @Override
  public Handle open(Path file, boolean create) throws IOException {
    Handle h = delegate.open(file, create);
    String k = key(file);
    Node node;
    synchronized (this) {
      if (create) {
        node = new Node();
        node.path = k;
        nodes.put(k, node);
        entryChanged(node);
      } else {
        node = existing(k);
      }
    }
    return new Handle() {
      @Override
      public long size() throws IOException {
        return h.size();
      }

      @Override
      public int read(ByteBuffer dst, long position) throws IOException {
        return h.read(dst, position);
      }

      @Override
      public void write(ByteBuffer src, long position) throws IOException {
        byte[] bytes = new byte[src.remaining()];
        src.duplicate().get(bytes);
        h.write(src, position);
        written(node, bytes, position);
      }

      @Override
      public void truncate(long size) throws IOException {
        long before = h.size();
        h.truncate(size);
        truncating(node, size, before);
      }

      @Override
      public void force(boolean metadata) throws IOException {
        h.force(metadata);
        forced(node);
      }

      @Override
      public void close() throws IOException {
        h.close();
      }
    };
  }

  @Override
  public List<String> list(Path dir) throws IOException {
    return delegate.list(dir);
  }

  @Override
  public boolean exists(Path path) throws IOException {
    return delegate.exists(path);
  }

  @Override
  public boolean isSymbolicLink(Path path) throws IOException {
    return delegate.isSymbolicLink(path);
  }

  @Override
  public void createDirectory(Path dir) throws IOException {
    delegate.createDirectory(dir);
  }

  @Override
  public void delete(Path file) throws IOException {
    String k = key(file);
    boolean existed = delegate.exists(file);
    delegate.delete(file);
    if (!existed) {
      return;
    }
    synchronized (this) {
      Node gone = nodes.remove(k);
      if (isJournal(k) || isSnapshot(k)) {
        deletesChecked++;
        String dir = parent(k);
        if (unsyncedRenames.getOrDefault(dir, 0) > 0) {
          violation("deleted " + k + " while a rename in " + dir + " was not synced");
        }
        for (Node n : nodes.values()) {
          if (isSnapshot(n.path) && parent(n.path).equals(dir) && (n.dirty || !n.entryDurable)) {
            violation("deleted " + k + " while the snapshot " + n.path
                + (n.dirty ? " was not forced" : " was not synced into the directory"));
          }
        }
      }
      Set<Node> pendingThere = unsynced.get(parent(k));
      if (gone != null && pendingThere != null) {
        pendingThere.remove(gone);
      }
    }
  }

  @Override
  public void atomicMove(Path from, Path to) throws IOException {
    delegate.atomicMove(from, to);
    String f = key(from);
    String t = key(to);
    synchronized (this) {
      renamesChecked++;
      Node n = nodes.remove(f);
      if (n == null) {
        n = existing(f);
        nodes.remove(f);
      }
      if (n.dirty) {
        violation("renamed " + f + " to " + t + " before a force covered its content");
      }
      Set<Node> pendingThere = unsynced.get(parent(f));
      if (pendingThere != null) {
        pendingThere.remove(n);
      }
      unsyncedRenames.merge(parent(t), 1, Integer::sum);
      n.path = t;
      nodes.put(t, n);
      entryChanged(n);
    }
  }

  @Override
  public void syncDirectory(Path dir) throws IOException {
    delegate.syncDirectory(dir);
    String d = key(dir);
    synchronized (this) {
      Set<Node> pending = unsynced.remove(d);
      if (pending != null) {
        for (Node n : pending) {
          n.entryDurable = true;
        }
      }
      unsyncedRenames.remove(d);
    }
  }

  @Override
  public Closeable lock(Path lockFile, String diagnostics) throws IOException {
    return delegate.lock(lockFile, diagnostics);
  }
}
