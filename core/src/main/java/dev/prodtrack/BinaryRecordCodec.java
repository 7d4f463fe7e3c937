package dev.prodtrack;

import dev.prodtrack.model.Comment;
import dev.prodtrack.model.Id;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The compact binary form of model records: what the engine writes to a store, and what it reads back
 * without a JSON parser. The layout is documented byte by byte in {@code FORMAT.md} of the file store
 * ("Engine record payloads"); in short:
 *
 * <pre>
 *   u8 0xB1 (marker; a JSON document never starts with it)  u8 layout = 1
 *   [comments only: i64 engine ordinal]
 *   u8 number of fields, then each record component in declaration order
 * </pre>
 *
 * <p>Fields, big-endian: a nullable (reference) component starts with {@code u8 0} (null) or {@code u8 1}
 * (present); {@code boolean} is {@code u8 0/1}; {@code int} i32; {@code long} i64; an id or a UUID is 16
 * bytes (most, then least significant half); a string is {@code u32} byte length + UTF-8; an instant is
 * i64 epoch seconds + i32 nanos; a date i64 epoch day; a duration i64 seconds + i32 nanos; an enum
 * constant its name as a string; a list {@code u32} count + elements (never null); a nested record its
 * components as above; {@code data} a tagged tree (see {@link #writeData}).
 *
 * <p>Unlike the JSON form the binary form keeps {@code data} numbers with their Java type, so {@code
 * decode(encode(r))} equals {@code r} for every record. The writer refuses exactly what the JSON writer
 * refuses (strings, names, numbers and nesting beyond {@link RecordCodec}'s limits, non-finite numbers,
 * values that are not JSON-like, instants a naive date-time cannot show), so every stored record can
 * still be written as JSON (export, state digest). The reader checks every length against the bytes
 * left before allocating, the field count against the record type, and refuses malformed UTF-8, unknown
 * enum names, out-of-range values and trailing bytes with {@link CorruptRecordException}.
 *
 * <p>Design note. The layout follows the record components by reflection (one plan per record class,
 * made once): sixteen record types need no hand-written reader each, and a component added to a model
 * record changes the field count, which the reader refuses rather than misreading; such a change needs
 * a new layout number and a reader for the old one (the golden test of this form fails first).
 *
 * <p>Thread-safe: immutable plans and one reusable output buffer per thread.
 */
final class BinaryRecordCodec {
  /** First byte of every binary record; JSON starts with '{' or whitespace. */
  static final byte MARKER = (byte) 0xB1;
  /** The layout this class writes and reads. */
  static final byte LAYOUT = 1;
  /** Levels of containers allowed inside {@code data} (the JSON form's depth limit, less the record's own object). */
  static final int MAX_DATA_DEPTH = RecordCodec.MAX_NESTING_DEPTH - 1;

  private static final long MIN_SECOND = LocalDateTime.MIN.toEpochSecond(ZoneOffset.UTC);
  private static final long MAX_SECOND = LocalDateTime.MAX.toEpochSecond(ZoneOffset.UTC);
  /** Marks pool keys of binary instants and dates, so they never meet the JSON reader's text-field keys. */
  private static final long POOL_MARK = 1L << 62;

  private static final int T_NULL = 0;
  private static final int T_STRING = 1;
  private static final int T_TRUE = 2;
  private static final int T_FALSE = 3;
  private static final int T_LONG = 4;
  private static final int T_INT = 5;
  private static final int T_SHORT = 6;
  private static final int T_BYTE = 7;
  private static final int T_BIG_INTEGER = 8;
  private static final int T_FLOAT = 9;
  private static final int T_DOUBLE = 10;
  private static final int T_BIG_DECIMAL = 11;
  private static final int T_MAP = 12;
  private static final int T_LIST = 13;

  private static final ClassValue<Plan> PLANS = new ClassValue<>() {
    @Override
    protected Plan computeValue(Class<?> type) {
      return new Plan(type);
    }
  };

  private static final ThreadLocal<Out> OUT = ThreadLocal.withInitial(Out::new);

  private BinaryRecordCodec() {}

  /** Whether {@code payload} is in the binary form (else JSON). */
  static boolean isBinary(byte[] payload) {
    return payload.length > 0 && payload[0] == MARKER;
  }

  /**
   * Encodes a model record.
   *
   * @param kind the record's kind ({@link RecordCodec#kindOf})
   * @param record the record
   * @param order a comment's engine ordinal (written for comments only)
   * @return the binary form, a new array
   * @throws IllegalArgumentException if a value is one the JSON form refuses
   */
  static byte[] encode(String kind, Object record, long order) {
    Out out = OUT.get();
    out.reset(kind);
    out.u8(MARKER);
    out.u8(LAYOUT);
    if (record instanceof Comment) {
      out.i64(order);
    }
    try {
      PLANS.get(record.getClass()).write(out, record);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot encode " + kind + " record"
          + (out.field == null ? "" : ", field '" + out.field + "'") + ": " + e.getMessage(), e);
    }
    if (out.n > RecordCodec.MAX_DOCUMENT_LENGTH) {
      throw new IllegalArgumentException("cannot encode " + kind + " record: " + out.n + " bytes exceed the limit of "
          + RecordCodec.MAX_DOCUMENT_LENGTH);
    }
    return out.toByteArray();
  }

  /**
   * Decodes a record in the binary form.
   *
   * @param kind the record's kind
   * @param type the class {@code kind} names
   * @param bytes the binary form
   * @param order receives the comment's ordinal in its first element (0 for other kinds), or null
   * @param pool values shared across one load, or null
   * @return the record
   * @throws CorruptRecordException if the bytes are not a valid record of that type
   */
  static Object decode(String kind, Class<?> type, byte[] bytes, long[] order, LoadPool pool) {
    In in = new In(bytes, kind, pool);
    if (in.u8() != (MARKER & 0xFF)) {
      throw in.corrupt("not a binary record (first byte)");
    }
    int layout = in.u8();
    if (layout != LAYOUT) {
      throw in.corrupt("binary record layout " + layout + " is not supported; this code reads layout " + LAYOUT);
    }
    long ordinal = type == Comment.class ? in.i64() : 0;
    Object record = PLANS.get(type).read(in);
    if (in.pos != bytes.length) {
      throw in.corrupt((bytes.length - in.pos) + " trailing bytes after the record");
    }
    if (order != null) {
      order[0] = ordinal;
    }
    return record;
  }

  // ---------------------------------------------------------------------------------------------
  // Plans: one per record class, a field codec per component

  /** How one value of a component's type is written and read. */
  private interface Codec {
    void write(Out out, Object value);

    Object read(In in);
  }

  /** A record class's components, accessors and canonical constructor. */
  private static final class Plan implements Codec {
    final Class<?> type;
    final String[] names;
    final Method[] accessors;
    final Codec[] codecs;
    final boolean[] nullable;
    final Constructor<?> constructor;

    Plan(Class<?> type) {
      if (!type.isRecord()) {
        throw new IllegalArgumentException("not a record type: " + type.getName());
      }
      this.type = type;
      RecordComponent[] components = type.getRecordComponents();
      int n = components.length;
      names = new String[n];
      accessors = new Method[n];
      codecs = new Codec[n];
      nullable = new boolean[n];
      Class<?>[] raw = new Class<?>[n];
      for (int i = 0; i < n; i++) {
        names[i] = components[i].getName();
        accessors[i] = components[i].getAccessor();
        raw[i] = components[i].getType();
        nullable[i] = !raw[i].isPrimitive();
        codecs[i] = codecFor(components[i].getGenericType());
      }
      try {
        constructor = type.getDeclaredConstructor(raw);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
      }
    }

    @Override
    public void write(Out out, Object record) {
      out.u8(names.length);
      for (int i = 0; i < names.length; i++) {
        Object v;
        try {
          v = accessors[i].invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("cannot read " + type.getSimpleName() + "." + names[i], e);
        }
        if (out.depth == 0) {
          out.field = names[i]; // errors name the record's own field (a nested record's is inside it)
        }
        if (nullable[i]) {
          if (v == null) {
            out.u8(0);
            continue;
          }
          out.u8(1);
        }
        codecs[i].write(out, v);
      }
    }

    @Override
    public Object read(In in) {
      int count = in.u8();
      if (count != names.length) {
        throw in.corrupt(type.getSimpleName() + " has " + names.length + " fields, the record holds " + count);
      }
      Object[] values = new Object[names.length];
      boolean top = in.depth == 0;
      String outer = in.field;
      in.depth++;
      for (int i = 0; i < names.length; i++) {
        if (top) {
          in.field = names[i]; // errors name the record's own field (a nested record's is inside it)
        }
        if (nullable[i]) {
          int present = in.u8();
          if (present == 0) {
            continue;
          }
          if (present != 1) {
            throw in.corrupt("presence byte " + present + " (0 or 1)");
          }
        }
        values[i] = codecs[i].read(in);
      }
      in.depth--;
      in.field = outer;
      try {
        return constructor.newInstance(values);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        throw new CorruptRecordException(in.kind, outer, "invalid values: " + cause.getMessage(), cause);
      } catch (IllegalArgumentException e) { // a null for a primitive cannot happen: primitives have no presence byte
        throw new CorruptRecordException(in.kind, outer, "invalid values: " + e.getMessage(), e);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot construct " + type.getName(), e);
      }
    }
  }

  private static Codec codecFor(Type generic) {
    if (generic instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      if (raw == List.class) {
        return new ListCodec(codecFor(p.getActualTypeArguments()[0]));
      }
      if (raw == Map.class) {
        return DATA;
      }
      throw new IllegalArgumentException("no binary form for " + generic);
    }
    Class<?> c = (Class<?>) generic;
    if (c == String.class) {
      return STRING;
    } else if (c == boolean.class || c == Boolean.class) {
      return BOOLEAN;
    } else if (c == int.class || c == Integer.class) {
      return INT;
    } else if (c == long.class || c == Long.class) {
      return LONG;
    } else if (c == Instant.class) {
      return INSTANT;
    } else if (c == LocalDate.class) {
      return DATE;
    } else if (c == Duration.class) {
      return DURATION;
    } else if (c == UUID.class) {
      return UUID_CODEC;
    } else if (Id.class.isAssignableFrom(c)) {
      return new IdCodec(c);
    } else if (c.isEnum()) {
      return new EnumCodec(c);
    } else if (c.isRecord()) {
      return PLANS.get(c);
    }
    throw new IllegalArgumentException("no binary form for " + c.getName());
  }

  /** The {@link LoadPool#typeCode}s of the pooled value classes. */
  private static final long INSTANT_CODE = LoadPool.typeCode(Instant.class);
  private static final long DATE_CODE = LoadPool.typeCode(LocalDate.class);

  private static final Codec STRING = new Codec() {
    @Override
    public void write(Out out, Object value) {
      out.string((String) value);
    }

    @Override
    public Object read(In in) {
      return in.shared(in.string());
    }
  };

  private static final Codec BOOLEAN = new Codec() {
    @Override
    public void write(Out out, Object value) {
      out.u8((Boolean) value ? 1 : 0);
    }

    @Override
    public Object read(In in) {
      int b = in.u8();
      if (b > 1) {
        throw in.corrupt("boolean byte " + b + " (0 or 1)");
      }
      return b == 1 ? Boolean.TRUE : Boolean.FALSE;
    }
  };

  private static final Codec INT = new Codec() {
    @Override
    public void write(Out out, Object value) {
      out.i32((Integer) value);
    }

    @Override
    public Object read(In in) {
      return in.i32();
    }
  };

  private static final Codec LONG = new Codec() {
    @Override
    public void write(Out out, Object value) {
      out.i64((Long) value);
    }

    @Override
    public Object read(In in) {
      return in.i64();
    }
  };

  private static final Codec INSTANT = new Codec() {
    @Override
    public void write(Out out, Object value) {
      Instant t = (Instant) value;
      if (t.getEpochSecond() < MIN_SECOND || t.getEpochSecond() > MAX_SECOND) {
        throw new IllegalArgumentException("instant " + t + " is outside the years -999999999..999999999");
      }
      out.i64(t.getEpochSecond());
      out.i32(t.getNano());
    }

    @Override
    public Object read(In in) {
      long seconds = in.i64();
      int nanos = in.i32();
      if (seconds < MIN_SECOND || seconds > MAX_SECOND || nanos < 0 || nanos > 999_999_999) {
        throw in.corrupt("instant out of range: " + seconds + " s, " + nanos + " ns");
      }
      if (in.pool == null) {
        return Instant.ofEpochSecond(seconds, nanos);
      }
      long key = POOL_MARK | nanos;
      Instant kept = (Instant) in.pool.get(seconds, key, INSTANT_CODE);
      if (kept == null) {
        kept = Instant.ofEpochSecond(seconds, nanos);
        in.pool.put(seconds, key, INSTANT_CODE, kept);
      }
      return kept;
    }
  };

  private static final Codec DATE = new Codec() {
    @Override
    public void write(Out out, Object value) {
      out.i64(((LocalDate) value).toEpochDay());
    }

    @Override
    public Object read(In in) {
      long day = in.i64();
      if (day < LocalDate.MIN.toEpochDay() || day > LocalDate.MAX.toEpochDay()) {
        throw in.corrupt("date out of range: epoch day " + day);
      }
      if (in.pool == null) {
        return LocalDate.ofEpochDay(day);
      }
      LocalDate kept = (LocalDate) in.pool.get(day, POOL_MARK, DATE_CODE);
      if (kept == null) {
        kept = LocalDate.ofEpochDay(day);
        in.pool.put(day, POOL_MARK, DATE_CODE, kept);
      }
      return kept;
    }
  };

  private static final Codec DURATION = new Codec() {
    @Override
    public void write(Out out, Object value) {
      Duration d = (Duration) value;
      out.i64(d.getSeconds());
      out.i32(d.getNano());
    }

    @Override
    public Object read(In in) {
      long seconds = in.i64();
      int nanos = in.i32();
      if (nanos < 0 || nanos > 999_999_999) {
        throw in.corrupt("duration nanos out of range: " + nanos);
      }
      return in.shared(Duration.ofSeconds(seconds, nanos));
    }
  };

  private static final Codec UUID_CODEC = new Codec() {
    @Override
    public void write(Out out, Object value) {
      UUID u = (UUID) value;
      out.i64(u.getMostSignificantBits());
      out.i64(u.getLeastSignificantBits());
    }

    @Override
    public Object read(In in) {
      return new UUID(in.i64(), in.i64());
    }
  };

  /** An id: its UUID's 16 bytes, shared through the pool. */
  private static final class IdCodec implements Codec {
    final Class<Object> type;
    final long code;
    final Function<UUID, Object> wrap;

    @SuppressWarnings("unchecked")
    IdCodec(Class<?> type) {
      this.type = (Class<Object>) type;
      this.code = LoadPool.typeCode(type);
      Constructor<?> c;
      try {
        c = type.getDeclaredConstructor(UUID.class);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(type.getName() + " has no constructor from a UUID", e);
      }
      this.wrap = u -> {
        try {
          return c.newInstance(u);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot make a " + type.getName(), e);
        }
      };
    }

    @Override
    public void write(Out out, Object value) {
      UUID u = ((Id) value).value();
      out.i64(u.getMostSignificantBits());
      out.i64(u.getLeastSignificantBits());
    }

    @Override
    public Object read(In in) {
      long most = in.i64();
      long least = in.i64();
      return in.pool == null ? wrap.apply(new UUID(most, least)) : in.pool.id(most, least, code, wrap);
    }
  }

  /** An enum constant, by name. */
  private static final class EnumCodec implements Codec {
    final Map<String, Object> byName = new LinkedHashMap<>();

    EnumCodec(Class<?> type) {
      for (Object constant : type.getEnumConstants()) {
        byName.put(((Enum<?>) constant).name(), constant);
      }
    }

    @Override
    public void write(Out out, Object value) {
      out.string(((Enum<?>) value).name());
    }

    @Override
    public Object read(In in) {
      String name = in.string();
      Object constant = byName.get(name);
      if (constant == null) {
        throw in.corrupt("unknown constant " + name + " (one of " + byName.keySet() + ")");
      }
      return constant;
    }
  }

  /** A list: a count, then the elements (never null). */
  private static final class ListCodec implements Codec {
    final Codec element;

    ListCodec(Codec element) {
      this.element = element;
    }

    @Override
    public void write(Out out, Object value) {
      List<?> list = (List<?>) value;
      out.u32(list.size());
      int i = 0;
      out.depth++;
      for (Object item : list) {
        if (item == null) {
          throw new IllegalArgumentException("list element " + i + " is null");
        }
        element.write(out, item);
        i++;
      }
      out.depth--;
    }

    @Override
    public Object read(In in) {
      int n = in.count();
      List<Object> items = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        items.add(element.read(in));
      }
      return items;
    }
  }

  private static final Codec DATA = new Codec() {
    @Override
    public void write(Out out, Object value) {
      writeData(out, value, 0);
    }

    @Override
    public Object read(In in) {
      return readData(in, 0);
    }
  };

  /**
   * A {@code data} value, tagged: 0 null; 1 string; 2 true; 3 false; 4 i64 ({@code Long}); 5 i32
   * ({@code Integer}); 6 i16 ({@code Short}); 7 i8 ({@code Byte}); 8 {@code BigInteger} as u32 length +
   * two's-complement bytes; 9 {@code Float} bits (i32); 10 {@code Double} bits (i64); 11 {@code
   * BigDecimal} as i32 scale + the unscaled value as tag 8's body; 12 map: u32 count + (string key,
   * value) pairs in order; 13 list: u32 count + values.
   */
  static void writeData(Out out, Object value, int depth) {
    if (value == null) {
      out.u8(T_NULL);
    } else if (value instanceof String s) {
      out.u8(T_STRING);
      out.string(s);
    } else if (value instanceof Boolean b) {
      out.u8(b ? T_TRUE : T_FALSE);
    } else if (value instanceof Long l) {
      out.u8(T_LONG);
      out.i64(l);
    } else if (value instanceof Integer i) {
      out.u8(T_INT);
      out.i32(i);
    } else if (value instanceof Short s) {
      out.u8(T_SHORT);
      out.i16(s);
    } else if (value instanceof Byte b) {
      out.u8(T_BYTE);
      out.u8(b & 0xFF);
    } else if (value instanceof BigInteger b) {
      String digits = b.abs().toString();
      if (digits.length() > RecordCodec.MAX_NUMBER_LENGTH) {
        throw new IllegalArgumentException("integer of " + digits.length() + " digits exceeds the limit of "
            + RecordCodec.MAX_NUMBER_LENGTH);
      }
      out.u8(T_BIG_INTEGER);
      out.bytes(b.toByteArray());
    } else if (value instanceof Float f) {
      if (!Float.isFinite(f)) {
        throw new IllegalArgumentException("data numbers must be finite, found " + f);
      }
      out.u8(T_FLOAT);
      out.i32(Float.floatToIntBits(f));
    } else if (value instanceof Double d) {
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("data numbers must be finite, found " + d);
      }
      out.u8(T_DOUBLE);
      out.i64(Double.doubleToLongBits(d));
    } else if (value instanceof BigDecimal d) {
      if (!Double.isFinite(d.doubleValue())) {
        throw new IllegalArgumentException("data numbers must be finite, found " + d.doubleValue());
      }
      out.u8(T_BIG_DECIMAL);
      out.i32(d.scale());
      out.bytes(d.unscaledValue().toByteArray());
    } else if (value instanceof Map<?, ?> map) {
      if (depth + 1 > MAX_DATA_DEPTH) {
        throw new IllegalArgumentException("nesting deeper than " + RecordCodec.MAX_NESTING_DEPTH);
      }
      out.u8(T_MAP);
      out.u32(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException("data keys must be strings, found "
              + (e.getKey() == null ? "null" : "a " + e.getKey().getClass().getName()));
        }
        if (key.length() > RecordCodec.MAX_NAME_LENGTH) {
          throw new IllegalArgumentException("data key of " + key.length() + " chars exceeds the limit of "
              + RecordCodec.MAX_NAME_LENGTH);
        }
        out.string(key);
        writeData(out, e.getValue(), depth + 1);
      }
    } else if (value instanceof List<?> list) {
      if (depth + 1 > MAX_DATA_DEPTH) {
        throw new IllegalArgumentException("nesting deeper than " + RecordCodec.MAX_NESTING_DEPTH);
      }
      out.u8(T_LIST);
      out.u32(list.size());
      for (Object item : list) {
        writeData(out, item, depth + 1);
      }
    } else {
      throw new IllegalArgumentException("data values must be JSON-like, found a " + value.getClass().getName());
    }
  }

  private static Object readData(In in, int depth) {
    int tag = in.u8();
    switch (tag) {
      case T_NULL:
        return null;
      case T_STRING:
        return in.shared(in.string());
      case T_TRUE:
        return Boolean.TRUE;
      case T_FALSE:
        return Boolean.FALSE;
      case T_LONG:
        return in.i64();
      case T_INT:
        return in.i32();
      case T_SHORT:
        return (short) in.i16();
      case T_BYTE:
        return (byte) in.u8();
      case T_BIG_INTEGER:
        return in.bigInteger();
      case T_FLOAT:
        return Float.intBitsToFloat(in.i32());
      case T_DOUBLE:
        return Double.longBitsToDouble(in.i64());
      case T_BIG_DECIMAL: {
        int scale = in.i32();
        return new BigDecimal(in.bigInteger(), scale);
      }
      case T_MAP: {
        if (depth + 1 > MAX_DATA_DEPTH) {
          throw in.corrupt("nesting deeper than " + RecordCodec.MAX_NESTING_DEPTH);
        }
        int n = in.count();
        Map<String, Object> map = new LinkedHashMap<>(Math.max(4, n * 4 / 3 + 1));
        for (int i = 0; i < n; i++) {
          String key = in.shared(in.string());
          if (map.containsKey(key)) {
            throw in.corrupt("data key " + key + " appears twice");
          }
          map.put(key, readData(in, depth + 1));
        }
        return Collections.unmodifiableMap(map);
      }
      case T_LIST: {
        if (depth + 1 > MAX_DATA_DEPTH) {
          throw in.corrupt("nesting deeper than " + RecordCodec.MAX_NESTING_DEPTH);
        }
        int n = in.count();
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(readData(in, depth + 1));
        }
        return Collections.unmodifiableList(list);
      }
      default:
        throw in.corrupt("unknown data tag " + tag);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Output and input

  /** A growable output buffer, one per thread. */
  static final class Out {
    private static final int KEPT = 1 << 16;
    byte[] buf = new byte[1024];
    int n;
    String kind;
    String field;
    int depth;

    void reset(String kind) {
      if (buf.length > KEPT) {
        buf = new byte[1024];
      }
      n = 0;
      this.kind = kind;
      field = null;
      depth = 0;
    }

    private void room(int more) {
      if (more > buf.length - n) {
        long wanted = Math.max((long) buf.length * 2, (long) n + more);
        if (wanted > RecordCodec.MAX_DOCUMENT_LENGTH + 16) {
          throw new IllegalArgumentException("the record exceeds " + RecordCodec.MAX_DOCUMENT_LENGTH + " bytes");
        }
        buf = java.util.Arrays.copyOf(buf, (int) wanted);
      }
    }

    void u8(int v) {
      room(1);
      buf[n++] = (byte) v;
    }

    void i16(int v) {
      room(2);
      buf[n++] = (byte) (v >>> 8);
      buf[n++] = (byte) v;
    }

    void i32(int v) {
      room(4);
      buf[n++] = (byte) (v >>> 24);
      buf[n++] = (byte) (v >>> 16);
      buf[n++] = (byte) (v >>> 8);
      buf[n++] = (byte) v;
    }

    void u32(int v) {
      i32(v);
    }

    void i64(long v) {
      i32((int) (v >>> 32));
      i32((int) v);
    }

    void bytes(byte[] b) {
      u32(b.length);
      room(b.length);
      System.arraycopy(b, 0, buf, n, b.length);
      n += b.length;
    }

    void string(String s) {
      int len = s.length();
      if (len > RecordCodec.MAX_STRING_LENGTH) {
        throw new IllegalArgumentException("string of " + len + " chars exceeds the limit of "
            + RecordCodec.MAX_STRING_LENGTH);
      }
      boolean ascii = true;
      for (int i = 0; i < len; i++) {
        if (s.charAt(i) >= 0x80) {
          ascii = false;
          break;
        }
      }
      if (ascii) {
        u32(len);
        room(len);
        for (int i = 0; i < len; i++) {
          buf[n + i] = (byte) s.charAt(i); // ASCII: one byte per char
        }
        n += len;
      } else {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        bytes(utf8);
      }
    }

    byte[] toByteArray() {
      return java.util.Arrays.copyOf(buf, n);
    }
  }

  /** A bounds-checked reader over one record. */
  /** Big-endian views of a byte array: one load each where the bytes were assembled one by one. */
  private static final java.lang.invoke.VarHandle BIG_ENDIAN_INT =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.BIG_ENDIAN);
  private static final java.lang.invoke.VarHandle BIG_ENDIAN_LONG =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

  private static final class In {
    final byte[] b;
    final String kind;
    final LoadPool pool;
    int pos;
    String field;
    /** Records being read: 0 outside the top-level record's fields. */
    int depth;
    private CharsetDecoder utf8;

    In(byte[] b, String kind, LoadPool pool) {
      this.b = b;
      this.kind = kind;
      this.pool = pool;
    }

    <T> T shared(T value) {
      return pool == null ? value : pool.shared(value);
    }

    CorruptRecordException corrupt(String reason) {
      return new CorruptRecordException(kind, field, "binary record: " + reason);
    }

    private void need(int n) {
      if (n > b.length - pos) {
        throw corrupt("needs " + n + " bytes at offset " + pos + ", " + (b.length - pos) + " left");
      }
    }

    int u8() {
      need(1);
      return b[pos++] & 0xFF;
    }

    int i16() {
      need(2);
      int v = (short) (((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF));
      pos += 2;
      return v;
    }

    int i32() {
      need(4);
      int v = (int) BIG_ENDIAN_INT.get(b, pos);
      pos += 4;
      return v;
    }

    long i64() {
      need(8);
      long v = (long) BIG_ENDIAN_LONG.get(b, pos);
      pos += 8;
      return v;
    }

    /** A count of elements that take at least one byte each: checked against the bytes left. */
    int count() {
      int n = i32();
      if (n < 0 || n > b.length - pos) {
        throw corrupt("count " + Integer.toUnsignedString(n) + " does not fit in the " + (b.length - pos)
            + " bytes left");
      }
      return n;
    }

    private int length() {
      int n = i32();
      if (n < 0 || n > b.length - pos) {
        throw corrupt("length " + Integer.toUnsignedString(n) + " does not fit in the " + (b.length - pos)
            + " bytes left");
      }
      return n;
    }

    String string() {
      int n = length();
      int from = pos;
      pos += n;
      for (int i = from; i < from + n; i++) {
        if (b[i] < 0) {
          if (utf8 == null) {
            utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
          }
          try {
            return utf8.decode(ByteBuffer.wrap(b, from, n)).toString();
          } catch (CharacterCodingException e) {
            throw corrupt("string is not valid UTF-8");
          }
        }
      }
      return new String(b, from, n, StandardCharsets.ISO_8859_1); // ASCII: one char per byte
    }

    BigInteger bigInteger() {
      int n = length();
      if (n == 0) {
        throw corrupt("empty integer");
      }
      if (n > RecordCodec.MAX_NUMBER_LENGTH) {
        throw corrupt("integer of " + n + " bytes exceeds the limit");
      }
      BigInteger v = new BigInteger(b, pos, n);
      pos += n;
      return v;
    }
  }
}
