package dev.prodtrack.kitsu;

import dev.prodtrack.ProdTrack;
import dev.prodtrack.storage.memory.MemoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** Test fixtures: the hand-written sample, dump directories, a small JSON tree reader for assertions. */
final class Dumps {
  private static final JsonFactory JSON = new JsonFactory();

  private Dumps() {}

  /** The hand-written Kitsu-shaped sample in the test resources. */
  static Path sample() {
    return resource("kitsu/sample");
  }

  static Path resource(String name) {
    try {
      return Paths.get(Dumps.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Copies a dump directory into {@code target}. */
  static Path copy(Path from, Path target) throws IOException {
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, target.resolve(f.getFileName()));
      }
    }
    return target;
  }

  /** Imports a dump into a new memory store and opens an engine on it. */
  static ProdTrack open(Path dir, ImportOptions options) throws IOException {
    MemoryStore store = MemoryStore.create();
    KitsuImport.importDirectory(dir, store, options);
    return ProdTrack.builder().store(store.reopen())
        .clock(InstantSource.fixed(Instant.parse("2024-04-01T00:00:00Z"))).open();
  }

  /** The number of records a memory store holds. */
  static long recordsIn(MemoryStore store) {
    long[] n = {0};
    try (MemoryStore again = store.reopen()) {
      again.load(r -> n[0]++);
    }
    return n[0];
  }

  /** Reads a dump file as a list of JSON objects; numbers as BigDecimal. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> records(Path file) {
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), Files.newInputStream(file))) {
      p.nextToken();
      return (List<Map<String, Object>>) (List<?>) value(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records of a dump file by id. */
  static Map<String, Map<String, Object>> byId(Path file) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (Map<String, Object> r : records(file)) {
      out.put((String) r.get("id"), r);
    }
    return out;
  }

  private static Object value(JsonParser p) {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> m = new LinkedHashMap<>();
        String name;
        while ((name = p.nextName()) != null) {
          p.nextToken();
          m.put(name, value(p));
        }
        return m;
      }
      case START_ARRAY: {
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(value(p));
        }
        return l;
      }
      case VALUE_STRING:
        return p.getString();
      case VALUE_NUMBER_INT:
        return new BigDecimal(p.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT:
        return p.getDecimalValue().stripTrailingZeros();
      case VALUE_TRUE:
        return true;
      case VALUE_FALSE:
        return false;
      default:
        return null;
    }
  }

  /** Normalises numbers (1, 1.0 and 1.00 compare equal). */
  static Object normal(Object v) {
    if (v instanceof BigDecimal d) {
      BigDecimal s = d.stripTrailingZeros();
      return s.scale() < 0 ? s.setScale(0) : s;
    } else if (v instanceof BigInteger b) {
      return new BigDecimal(b);
    } else if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(k, normal(x)));
      return out;
    } else if (v instanceof List<?> l) {
      return l.stream().map(Dumps::normal).toList();
    }
    return v;
  }
}
