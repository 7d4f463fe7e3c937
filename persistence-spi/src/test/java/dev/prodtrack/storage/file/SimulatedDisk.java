package dev.prodtrack.storage.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * An in-memory disk with power-loss semantics, in the style of H2's {@code FilePathReorderWrites}
 * and SQLite's crash VFS: writes and truncations reach a file's durable content only when the file is
 * forced; creations, renames and deletions reach the durable directory only when the directory is
 * synced. {@link #crashAt(long)} cuts the power at the n-th mutating operation (that operation and
 * every later one throw), and {@link #afterPowerLoss(Damage, Random)} builds the disk a reboot would
 * find, applying one kind of damage to what was not synced.
 */
final class SimulatedDisk implements FileLayer {

  /** What happens to unsynced operations at power loss. */
  enum Damage {
    /** Every unsynced write is lost; directory changes are kept. */
    UNSYNCED_LOST,
    /** Each unsynced write survives with probability 1/10; a random prefix of directory changes is kept. */
    RANDOM_SUBSET,
    /** The last unsynced write of a file survives while an earlier one is lost. */
    REORDERED,
    /** The last unsynced write of each file is torn at a 512-byte boundary, the rest lost. */
    TORN_512,
    /** The last unsynced write of each file is torn at a 4 KiB boundary, the rest lost. */
    TORN_4K,
    /** Torn at 512 bytes, the rest of the write's range zero-filled. */
    TORN_ZERO_FILLED,
    /** Torn at 512 bytes, the rest of the write's range filled with garbage. */
    TORN_GARBAGE_FILLED,
    /** Every unsynced write survives but no unsynced directory change does. */
    DIRECTORY_CHANGES_LOST
  }

  private static final class Inode {
    byte[] data = new byte[0];
    byte[] durable = new byte[0];
    final List<Object[]> pending = new ArrayList<>();   // {"w", pos, bytes} or {"t", size}
  }

  /** A directory change: create/delete/rename, with the directories it concerns. */
  private record Meta(String kind, String from, String to, Inode inode) {}

  private final Map<String, Inode> entries = new HashMap<>();
  private final Map<String, Inode> durableEntries = new HashMap<>();
  private final Set<String> dirs = new HashSet<>();
  private final List<Meta> pendingMeta = new ArrayList<>();
  private final Set<String> locks = new HashSet<>();
  private long ops;
  private long crashAt = Long.MAX_VALUE;

  /** Cuts the power at the n-th mutating operation from the disk's creation (1-based). */
  void crashAt(long n) {
    crashAt = n;
  }

  /** Mutating operations so far. */
  long operations() {
    return ops;
  }

  boolean powerLost() {
    return ops >= crashAt;
  }

  private void tick() throws IOException {
    ops++;
    if (ops >= crashAt) {
      throw new IOException("simulated power loss (operation " + ops + ")");
    }
  }

  private static String key(Path p) {
    return p.toAbsolutePath().normalize().toString();
  }

  private static String parent(String path) {
    int i = path.lastIndexOf('/');
    return i <= 0 ? "/" : path.substring(0, i);
  }

  // ---- test access ----

  /** The current content of a file, or null. */
  byte[] read(Path file) {
    Inode i = entries.get(key(file));
    return i == null ? null : i.data.clone();
  }

  /** Replaces a file's content durably (for corruption tests). */
  void overwrite(Path file, byte[] content) {
    Inode i = entries.computeIfAbsent(key(file), k -> new Inode());
    durableEntries.put(key(file), i);
    i.data = content.clone();
    i.durable = content.clone();
    i.pending.clear();
  }

  /** Names in a directory. */
  List<String> names(Path dir) {
    List<String> out = new ArrayList<>();
    String d = key(dir);
    for (String k : entries.keySet()) {
      if (parent(k).equals(d)) {
        out.add(k.substring(d.length() + 1));
      }
    }
    out.sort(null);
    return out;
  }

  /** A durable copy of this disk (as if every operation had been synced), for reuse as a base state. */
  SimulatedDisk copy() {
    SimulatedDisk d = new SimulatedDisk();
    d.dirs.addAll(dirs);
    for (Map.Entry<String, Inode> e : entries.entrySet()) {
      Inode n = new Inode();
      n.data = e.getValue().data.clone();
      n.durable = n.data.clone();
      d.entries.put(e.getKey(), n);
      d.durableEntries.put(e.getKey(), n);
    }
    return d;
  }

  /** The disk a reboot finds after the power was cut now. */
  SimulatedDisk afterPowerLoss(Damage damage, Random rnd) {
    // directory: durable entries plus the kept prefix of the unsynced changes
    int keepMeta = switch (damage) {
      case DIRECTORY_CHANGES_LOST -> 0;
      case RANDOM_SUBSET -> rnd.nextInt(pendingMeta.size() + 1);
      default -> pendingMeta.size();
    };
    Map<String, Inode> names = new HashMap<>(durableEntries);
    for (int m = 0; m < keepMeta; m++) {
      Meta meta = pendingMeta.get(m);
      switch (meta.kind()) {
        case "create" -> names.put(meta.to(), meta.inode());
        case "delete" -> names.remove(meta.from());
        case "rename" -> {
          Inode moved = names.remove(meta.from());
          if (moved != null) {
            names.put(meta.to(), moved);
          } else {
            names.put(meta.to(), meta.inode());
          }
        }
        default -> throw new IllegalStateException(meta.kind());
      }
    }
    SimulatedDisk d = new SimulatedDisk();
    d.dirs.addAll(dirs);
    Map<Inode, Inode> rebuilt = new IdentityHashMap<>();
    for (Map.Entry<String, Inode> e : names.entrySet()) {
      Inode fresh = rebuilt.computeIfAbsent(e.getValue(), old -> rebuild(old, damage, rnd));
      d.entries.put(e.getKey(), fresh);
      d.durableEntries.put(e.getKey(), fresh);
    }
    return d;
  }

  private static Inode rebuild(Inode old, Damage damage, Random rnd) {
    byte[] content = old.durable.clone();
    List<Object[]> ops = old.pending;
    int n = ops.size();
    int lastWrite = -1;
    for (int i = n - 1; i >= 0; i--) {
      if (ops.get(i)[0].equals("w")) {
        lastWrite = i;
        break;
      }
    }
    int skip = n >= 2 ? rnd.nextInt(n - 1) : -1;
    for (int i = 0; i < n; i++) {
      Object[] op = ops.get(i);
      boolean apply = switch (damage) {
        case UNSYNCED_LOST -> false;
        case RANDOM_SUBSET -> rnd.nextInt(10) == 0;
        case REORDERED -> n < 2 ? rnd.nextBoolean() : i != skip;
        case TORN_512, TORN_4K, TORN_ZERO_FILLED, TORN_GARBAGE_FILLED -> true;
        case DIRECTORY_CHANGES_LOST -> true;
      };
      if (!apply) {
        continue;
      }
      if (op[0].equals("t")) {
        content = Arrays.copyOf(content, (int) (long) (Long) op[1]);
        continue;
      }
      long pos = (Long) op[1];
      byte[] bytes = (byte[]) op[2];
      if (i == lastWrite && (damage == Damage.TORN_512 || damage == Damage.TORN_4K
          || damage == Damage.TORN_ZERO_FILLED || damage == Damage.TORN_GARBAGE_FILLED)) {
        int block = damage == Damage.TORN_4K ? 4096 : 512;
        long end = pos + bytes.length;
        long firstBoundary = (pos / block + 1) * block;
        List<Long> cuts = new ArrayList<>();
        cuts.add(pos);
        for (long b = firstBoundary; b < end; b += block) {
          cuts.add(b);
        }
        long cut = cuts.get(rnd.nextInt(cuts.size()));
        int kept = (int) (cut - pos);
        byte[] torn = Arrays.copyOf(bytes, bytes.length);
        if (damage == Damage.TORN_ZERO_FILLED) {
          Arrays.fill(torn, kept, torn.length, (byte) 0);
          content = writeAt(content, pos, torn, torn.length);
        } else if (damage == Damage.TORN_GARBAGE_FILLED) {
          for (int k = kept; k < torn.length; k++) {
            torn[k] = (byte) rnd.nextInt(256);
          }
          content = writeAt(content, pos, torn, torn.length);
        } else {
          content = writeAt(content, pos, torn, kept);
        }
      } else {
        content = writeAt(content, pos, bytes, bytes.length);
      }
    }
    Inode fresh = new Inode();
    fresh.data = content;
    fresh.durable = content.clone();
    return fresh;
  }

  private static byte[] writeAt(byte[] content, long pos, byte[] bytes, int length) {
    long end = pos + length;
    byte[] out = end > content.length ? Arrays.copyOf(content, (int) end) : content;
    System.arraycopy(bytes, 0, out, (int) pos, length);
    return out;
  }

  // ---- FileLayer ----

  @Override
  public Handle open(Path file, boolean create) throws IOException {
    String k = key(file);
    Inode inode;
    if (create) {
      tick();
      if (entries.containsKey(k)) {
        throw new IOException("file exists: " + k);
      }
      if (!dirs.contains(parent(k))) {
        throw new NoSuchFileException(parent(k));
      }
      inode = new Inode();
      entries.put(k, inode);
      pendingMeta.add(new Meta("create", null, k, inode));
    } else {
      if (ops >= crashAt) {
        throw new IOException("simulated power loss");
      }
      inode = entries.get(k);
      if (inode == null) {
        throw new NoSuchFileException(k);
      }
    }
    Inode target = inode;
    return new Handle() {
      private boolean closed;

      private void open() throws IOException {
        if (closed) {
          throw new IOException("closed");
        }
      }

      @Override
      public long size() throws IOException {
        open();
        return target.data.length;
      }

      @Override
      public int read(ByteBuffer dst, long position) throws IOException {
        open();
        if (position >= target.data.length) {
          return -1;
        }
        int n = (int) Math.min(dst.remaining(), target.data.length - position);
        dst.put(target.data, (int) position, n);
        return n;
      }

      @Override
      public void write(ByteBuffer src, long position) throws IOException {
        open();
        tick();
        byte[] bytes = new byte[src.remaining()];
        src.get(bytes);
        target.data = writeAt(target.data, position, bytes, bytes.length);
        target.pending.add(new Object[] {"w", position, bytes});
      }

      @Override
      public void truncate(long size) throws IOException {
        open();
        tick();
        if (size < target.data.length) {
          target.data = Arrays.copyOf(target.data, (int) size);
        }
        target.pending.add(new Object[] {"t", size});
      }

      @Override
      public void force(boolean metadata) throws IOException {
        open();
        tick();
        target.durable = target.data.clone();
        target.pending.clear();
      }

      @Override
      public void close() {
        closed = true;
      }
    };
  }

  @Override
  public List<String> list(Path dir) throws IOException {
    if (ops >= crashAt) {
      throw new IOException("simulated power loss");
    }
    if (!dirs.contains(key(dir))) {
      throw new NoSuchFileException(key(dir));
    }
    return names(dir);
  }

  @Override
  public boolean exists(Path path) {
    return entries.containsKey(key(path)) || dirs.contains(key(path));
  }

  @Override
  public boolean isSymbolicLink(Path path) {
    return false;
  }

  @Override
  public void createDirectory(Path dir) throws IOException {
    if (dirs.contains(key(dir))) {
      return;
    }
    tick();
    dirs.add(key(dir)); // directories themselves are assumed durable (created once, before any data)
  }

  @Override
  public void delete(Path file) throws IOException {
    String k = key(file);
    if (!entries.containsKey(k)) {
      return;
    }
    tick();
    Inode gone = entries.remove(k);
    pendingMeta.add(new Meta("delete", k, null, gone));
  }

  @Override
  public void atomicMove(Path from, Path to) throws IOException {
    tick();
    String f = key(from);
    String t = key(to);
    Inode moved = entries.remove(f);
    if (moved == null) {
      throw new NoSuchFileException(f);
    }
    entries.put(t, moved);
    pendingMeta.add(new Meta("rename", f, t, moved));
  }

  @Override
  public void syncDirectory(Path dir) throws IOException {
    tick();
    String d = key(dir);
    List<Meta> keep = new ArrayList<>();
    for (Meta m : pendingMeta) {
      boolean concerns = (m.from() != null && parent(m.from()).equals(d)) || (m.to() != null && parent(m.to()).equals(d));
      if (concerns) {
        switch (m.kind()) {
          case "create" -> durableEntries.put(m.to(), m.inode());
          case "delete" -> durableEntries.remove(m.from());
          default -> {
            durableEntries.remove(m.from());
            durableEntries.put(m.to(), m.inode());
          }
        }
      } else {
        keep.add(m);
      }
    }
    pendingMeta.clear();
    pendingMeta.addAll(keep);
  }

  @Override
  public Closeable lock(Path lockFile, String diagnostics) throws IOException {
    String k = key(lockFile);
    if (!locks.add(k)) {
      throw new LockHeldException("simulated lock held: " + k);
    }
    return () -> locks.remove(k);
  }
}
