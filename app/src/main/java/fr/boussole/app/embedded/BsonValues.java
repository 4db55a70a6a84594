package fr.boussole.app.embedded;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The values of the embedded store's unique indexes (the keys' parts, and the document positions they point
 * to), written compactly and compared without Java serialisation. MVStore's default type handles a class it
 * does not know (an index key) by Java-serialising it: twice on every comparison of a B-tree search, again on
 * every write of a page and once per key read; that was 28 % of a warm app's CPU (issue 12).
 * <p>
 * The order is MongoDB's, as the library's {@link ValueComparator} has it (MinKey, null, numbers, strings,
 * documents, arrays, binary data, UUIDs, object ids, booleans, dates, timestamps, regular expressions, MaxKey;
 * numbers by value), made a total order consistent with {@code equals}: values the library puts level but are not
 * equal (1 and 1.0, 0.0 and -0.0, null and missing) come apart after the whole value compared level, by class, so
 * a unique index tells them apart as the serialised form did. Where the library's comparison is not an order, it
 * is made one: NaN after all numbers (the library compares it with a long as 0), arrays inside documents element by
 * element (the library, by their smallest element), regular expressions by pattern and options (the library does
 * not compare them). A type it does not know is kept Java-serialised, and ordered by class, then by those bytes.
 * <p>
 * Every value reads back {@code equals} to what was written, with its Java class (a position is the stored
 * {@code _id}, not normalised: an {@code Integer} stays one).
 */
final class BsonValues {

    private static final byte MIN_KEY = 1;
    private static final byte NULL = 2;
    private static final byte MISSING = 3;
    private static final byte DOUBLE = 10;
    private static final byte LONG = 11;
    private static final byte INTEGER = 12;
    private static final byte DECIMAL = 13;
    private static final byte STRING = 20;
    static final byte DOCUMENT = 30;
    private static final byte LIST = 40;
    private static final byte BINARY = 50;
    private static final byte LEGACY_UUID = 60;
    private static final byte UUID_VALUE = 70;
    private static final byte OBJECT_ID = 80;
    private static final byte FALSE = 90;
    private static final byte TRUE = 91;
    private static final byte DATE = 100;
    private static final byte TIMESTAMP = 110;
    private static final byte REGEX = 120;
    private static final byte MAX_KEY = 126;
    private static final byte SERIALIZED = 127;

    /** Types in MongoDB's comparison order; values of different ranks compare by rank. */
    private static final int RANK_MIN_KEY = 0, RANK_NULL = 1, RANK_NUMBER = 2, RANK_STRING = 3, RANK_DOCUMENT = 4,
            RANK_LIST = 5, RANK_BINARY = 6, RANK_LEGACY_UUID = 7, RANK_UUID = 8, RANK_OBJECT_ID = 9, RANK_BOOLEAN = 10,
            RANK_DATE = 11, RANK_TIMESTAMP = 12, RANK_REGEX = 13, RANK_MAX_KEY = 14, RANK_OTHER = 15;

    private BsonValues() {
    }

    static int compare(Object a, Object b) {
        int c = level(a, b);
        return c != 0 ? c : tieBreak(a, b);
    }

    /**
     * The library's order: values it puts level (1 and 1.0, null and missing, 0.0 and -0.0) are level here too, so
     * that a document or an array is ordered by its first part that differs by value, as the library orders it.
     */
    static int level(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof String s && b instanceof String t) {
            return s.compareTo(t);
        }
        int rank = rank(a);
        int other = rank(b);
        if (rank != other) {
            return Integer.compare(rank, other);
        }
        return switch (rank) {
            case RANK_NULL, RANK_MIN_KEY, RANK_MAX_KEY -> 0;
            case RANK_NUMBER -> compareNumbers((Number) a, (Number) b);
            case RANK_STRING -> ((String) a).compareTo((String) b);
            case RANK_DOCUMENT -> compareDocuments((Document) a, (Document) b);
            case RANK_LIST -> compareLists((List<?>) a, (List<?>) b);
            case RANK_BINARY -> ((BinData) a).compareTo((BinData) b);
            case RANK_LEGACY_UUID -> ((LegacyUUID) a).compareTo((LegacyUUID) b);
            case RANK_UUID -> a.toString().compareTo(b.toString());
            case RANK_OBJECT_ID -> ((ObjectId) a).compareTo((ObjectId) b);
            case RANK_BOOLEAN -> Boolean.compare((Boolean) a, (Boolean) b);
            case RANK_DATE -> ((Instant) a).compareTo((Instant) b);
            case RANK_TIMESTAMP -> ((BsonTimestamp) a).compareTo((BsonTimestamp) b);
            case RANK_REGEX -> compareRegex((BsonRegularExpression) a, (BsonRegularExpression) b);
            default -> compareOther(a, b);
        };
    }

    /** Between two values level in {@link #level}: apart unless equal (null before missing, then by class). */
    private static int tieBreak(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        return switch (rank(a)) {
            case RANK_NULL -> Boolean.compare(a instanceof Missing, b instanceof Missing);
            case RANK_NUMBER -> tieBreakNumbers((Number) a, (Number) b);
            case RANK_DOCUMENT -> {
                Iterator<Object> left = ((Document) a).values().iterator();
                Iterator<Object> right = ((Document) b).values().iterator();
                int c = 0;
                while (c == 0 && left.hasNext()) {
                    c = tieBreak(left.next(), right.next());
                }
                yield c;
            }
            case RANK_LIST -> {
                List<?> left = (List<?>) a;
                List<?> right = (List<?>) b;
                int c = 0;
                for (int i = 0; c == 0 && i < left.size(); i++) {
                    c = tieBreak(left.get(i), right.get(i));
                }
                yield c;
            }
            default -> 0;
        };
    }

    private static int rank(Object value) {
        if (value == null || value instanceof Missing) {
            return RANK_NULL;
        }
        return switch (value) {
            case String ignored -> RANK_STRING;
            case Number ignored -> RANK_NUMBER;
            case Document ignored -> RANK_DOCUMENT;
            case List<?> ignored -> RANK_LIST;
            case ObjectId ignored -> RANK_OBJECT_ID;
            case Instant ignored -> RANK_DATE;
            case Boolean ignored -> RANK_BOOLEAN;
            case BinData ignored -> RANK_BINARY;
            case LegacyUUID ignored -> RANK_LEGACY_UUID;
            case UUID ignored -> RANK_UUID;
            case BsonTimestamp ignored -> RANK_TIMESTAMP;
            case BsonRegularExpression ignored -> RANK_REGEX;
            case MinKey ignored -> RANK_MIN_KEY;
            case MaxKey ignored -> RANK_MAX_KEY;
            default -> RANK_OTHER;
        };
    }

    /**
     * By value, exactly: NaN after every other number (as {@link Double#compare} has it; the library compares NaN
     * with a long as 0, which is not an order), infinities as doubles, finite values as decimals.
     */
    private static int compareNumbers(Number a, Number b) {
        if (a instanceof Double x && b instanceof Double y) {
            double p = x;
            double q = y;
            return p < q ? -1 : p > q ? 1 : Boolean.compare(Double.isNaN(p), Double.isNaN(q));
        }
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof Integer x && b instanceof Integer y) {
            return Integer.compare(x, y);
        }
        boolean nanA = isNaN(a);
        boolean nanB = isNaN(b);
        if (nanA || nanB) {
            return Boolean.compare(nanA, nanB);
        }
        if (isInfinite(a) || isInfinite(b)) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            return x < y ? -1 : x > y ? 1 : 0;
        }
        return decimal(a).compareTo(decimal(b));
    }

    /** Equal by value, not equal: 1 and 1.0, 0.0 and -0.0, two decimals of one value and different scales. */
    private static int tieBreakNumbers(Number a, Number b) {
        if (a.equals(b)) {
            return 0;
        }
        int byClass = a.getClass().getName().compareTo(b.getClass().getName());
        if (byClass != 0) {
            return byClass;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return Double.compare(x, y);
        }
        if (a instanceof Decimal128 x && b instanceof Decimal128 y) {
            int high = Long.compare(x.getHigh(), y.getHigh());
            return high != 0 ? high : Long.compare(x.getLow(), y.getLow());
        }
        return compareOther(a, b);
    }

    private static boolean isNaN(Number value) {
        return Double.isNaN(value.doubleValue());
    }

    private static boolean isInfinite(Number value) {
        // a decimal too large for a double is still finite
        return value instanceof Decimal128 ? value.toString().endsWith("Infinity") : Double.isInfinite(value.doubleValue());
    }

    private static BigDecimal decimal(Number value) {
        return switch (value) {
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            case Decimal128 d -> d.toBigDecimal();
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            default -> new BigDecimal(value.doubleValue());
        };
    }

    /** Field by field: the field's type, then its name, then its value; a document that is a prefix comes first. */
    private static int compareDocuments(Document a, Document b) {
        Iterator<Map.Entry<String, Object>> left = a.entrySet().iterator();
        Iterator<Map.Entry<String, Object>> right = b.entrySet().iterator();
        while (left.hasNext() && right.hasNext()) {
            Map.Entry<String, Object> x = left.next();
            Map.Entry<String, Object> y = right.next();
            int c = Integer.compare(rank(x.getValue()), rank(y.getValue()));
            if (c == 0) {
                c = x.getKey().compareTo(y.getKey());
            }
            if (c == 0) {
                c = level(x.getValue(), y.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(left.hasNext(), right.hasNext());
    }

    /** Element by element; an array that is a prefix comes first. */
    private static int compareLists(List<?> a, List<?> b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int c = level(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareRegex(BsonRegularExpression a, BsonRegularExpression b) {
        int c = a.getPattern().compareTo(b.getPattern());
        return c != 0 ? c : String.valueOf(a.getOptions()).compareTo(String.valueOf(b.getOptions()));
    }

    private static int compareOther(Object a, Object b) {
        int byClass = a.getClass().getName().compareTo(b.getClass().getName());
        return byClass != 0 ? byClass : Arrays.compareUnsigned(serialize(a), serialize(b));
    }

    static void write(WriteBuffer out, Object value) {
        switch (value) {
            case null -> out.put(NULL);
            case String s -> writeString(out.put(STRING), s);
            case Double d -> out.put(DOUBLE).putDouble(d);
            case Long l -> out.put(LONG).putLong(l);
            case Integer i -> out.put(INTEGER).putInt(i);
            case Decimal128 d -> out.put(DECIMAL).putLong(d.getHigh()).putLong(d.getLow());
            case Document document -> {
                out.put(DOCUMENT).putVarInt(document.size());
                for (Map.Entry<String, Object> field : document.entrySet()) {
                    writeString(out, field.getKey());
                    write(out, field.getValue());
                }
            }
            case List<?> list -> {
                out.put(LIST).putVarInt(list.size());
                for (Object element : list) {
                    write(out, element);
                }
            }
            case ObjectId id -> out.put(OBJECT_ID).put(id.toByteArray());
            case Instant instant -> out.put(DATE).putLong(instant.getEpochSecond()).putInt(instant.getNano());
            case Boolean b -> out.put(b ? TRUE : FALSE);
            case BinData binary -> out.put(BINARY).putVarInt(binary.getData().length).put(binary.getData());
            case LegacyUUID uuid -> out.put(LEGACY_UUID).putLong(uuid.getUuid().getMostSignificantBits())
                    .putLong(uuid.getUuid().getLeastSignificantBits());
            case UUID uuid -> out.put(UUID_VALUE).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            case BsonTimestamp timestamp -> out.put(TIMESTAMP).putLong(timestamp.getValue());
            case BsonRegularExpression regex when regex.getOptions() != null ->
                    writeString(writeString(out.put(REGEX), regex.getPattern()), regex.getOptions());
            case Missing ignored -> out.put(MISSING);
            case MinKey ignored -> out.put(MIN_KEY);
            case MaxKey ignored -> out.put(MAX_KEY);
            default -> {
                // a regular expression without options, a type the store does not know
                byte[] bytes = serialize(value);
                out.put(SERIALIZED).putVarInt(bytes.length).put(bytes);
            }
        }
    }

    static Object read(ByteBuffer in) {
        byte tag = in.get();
        return switch (tag) {
            case NULL -> null;
            case STRING -> DataUtils.readString(in);
            case DOUBLE -> in.getDouble();
            case LONG -> in.getLong();
            case INTEGER -> in.getInt();
            case DECIMAL -> {
                long high = in.getLong();
                yield new Decimal128(in.getLong(), high);
            }
            case DOCUMENT -> {
                int size = DataUtils.readVarInt(in);
                Document document = new Document();
                for (int i = 0; i < size; i++) {
                    String key = DataUtils.readString(in);
                    document.put(key, read(in));
                }
                yield document;
            }
            case LIST -> {
                int size = DataUtils.readVarInt(in);
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(read(in));
                }
                yield list;
            }
            case OBJECT_ID -> {
                byte[] bytes = new byte[12];
                in.get(bytes);
                yield new ObjectId(bytes);
            }
            case DATE -> {
                long seconds = in.getLong();
                yield Instant.ofEpochSecond(seconds, in.getInt());
            }
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case BINARY -> {
                byte[] bytes = new byte[DataUtils.readVarInt(in)];
                in.get(bytes);
                yield new BinData(bytes);
            }
            case LEGACY_UUID -> {
                long most = in.getLong();
                yield new LegacyUUID(most, in.getLong());
            }
            case UUID_VALUE -> {
                long most = in.getLong();
                yield new UUID(most, in.getLong());
            }
            case TIMESTAMP -> new BsonTimestamp(in.getLong());
            case REGEX -> {
                String pattern = DataUtils.readString(in);
                yield new BsonRegularExpression(pattern, DataUtils.readString(in));
            }
            case MISSING -> Missing.getInstance();
            case MIN_KEY -> MinKey.getInstance();
            case MAX_KEY -> MaxKey.getInstance();
            case SERIALIZED -> {
                byte[] bytes = new byte[DataUtils.readVarInt(in)];
                in.get(bytes);
                yield deserialize(bytes);
            }
            default -> throw new IllegalStateException("unknown value tag " + tag + " in an index of the embedded store");
        };
    }

    /** A rough size in memory, for MVStore's page cache accounting. */
    static int memory(Object value) {
        return switch (value) {
            case null -> 8;
            case String s -> 48 + 2 * s.length();
            case Document document -> {
                int size = 64;
                for (Map.Entry<String, Object> field : document.entrySet()) {
                    size += 48 + 2 * field.getKey().length() + memory(field.getValue());
                }
                yield size;
            }
            case List<?> list -> {
                int size = 40;
                for (Object element : list) {
                    size += 8 + memory(element);
                }
                yield size;
            }
            case BinData binary -> 32 + binary.getData().length;
            default -> 32;
        };
    }

    private static WriteBuffer writeString(WriteBuffer out, String value) {
        return out.putVarInt(value.length()).putStringData(value, value.length());
    }

    private static byte[] serialize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + value.getClass().getName() + " in an index", e);
        }
        return bytes.toByteArray();
    }

    private static Object deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read a value of an index of the embedded store", e);
        }
    }
}
