package dev.prodtrack.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.storage.DeferredRecord;
import dev.prodtrack.storage.RecordKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link DeferredTable} against a {@link HashMap} over random puts and removes: identities whose hash codes
 * collide often (long probe runs that wrap around the array), growth, and removal from the middle of runs.
 */
class DeferredTableTest {
  private static final long SEED = 20261129L;

  /**
   * An identity whose hash code is {@code value % modulus}: few distinct hash codes (long probe runs of
   * equal hash codes that wrap around the array), or with a large modulus distinct hash codes whose home
   * slots still collide (runs of unequal hash codes, which the table's kept hash codes tell apart).
   */
  private record Key(int value, int modulus) {
    @Override
    public int hashCode() {
      return value % modulus;
    }
  }

  private record Rec(Key identity, int version) implements DeferredRecord {
    @Override
    public RecordKey key() {
      return new RecordKey("test", Integer.toString(identity.value()));
    }

    @Override
    public byte[] encode() {
      return new byte[] {(byte) version};
    }
  }

  @Test
  void randomPutsAndRemoves_agreeWithAHashMap() {
    randomPutsAndRemoves(5);
  }

  @Test
  void randomPutsAndRemoves_withDistinctHashCodes_agreeWithAHashMap() {
    randomPutsAndRemoves(Integer.MAX_VALUE);
  }

  @Test
  void randomPutsAndRemoves_withPairsOfEqualHashCodes_agreeWithAHashMap() {
    randomPutsAndRemoves(150);
  }

  private static void randomPutsAndRemoves(int modulus) {
    for (int round = 0; round < 20; round++) {
      long seed = SEED + round;
      Random random = new Random(seed);
      DeferredTable table = new DeferredTable();
      Map<Key, Rec> expected = new HashMap<>();
      int keys = 1 + random.nextInt(300);
      for (int step = 0; step < 3_000; step++) {
        Key k = new Key(random.nextInt(keys), modulus);
        if (random.nextInt(3) == 0) {
          table.remove(k);
          expected.remove(k);
        } else {
          Rec r = new Rec(k, step);
          table.put(r);
          expected.put(k, r);
        }
        if (step % 97 == 0) {
          assertThat(contents(table)).as("seed %d, step %d", seed, step).isEqualTo(expected);
        }
      }
      assertThat(contents(table)).as("seed %d", seed).isEqualTo(expected);
      assertThat(table.size()).as("seed %d", seed).isEqualTo(expected.size());
    }
  }

  private static Map<Key, Rec> contents(DeferredTable table) {
    Map<Key, Rec> out = new HashMap<>();
    table.forEach(r -> {
      Rec rec = (Rec) r;
      assertThat(out.put(rec.identity(), rec)).as("one record per identity").isNull();
    });
    return out;
  }
}
