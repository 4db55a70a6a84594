package fr.boussole.app.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unique indexes' typed form ({@link BsonValues}, {@link IndexKeyType}): over a seeded set of BSON values of
 * every type the store holds (edge cases included: -0.0, NaN, longs beyond a double's precision, decimals of one
 * value and different scales, nested documents and arrays), the order agrees with the library's comparison
 * wherever that tells two values apart, is a total order, compares equal exactly the values that are equal, and
 * every value reads back equal, with its class.
 */
class BsonValuesTest {

    private static final int VALUES = 600;

    @Test
    void the_order_is_the_libraries_made_total_and_consistent_with_equals() {
        List<Object> values = values(new Random(12));
        for (Object a : values) {
            for (Object b : values) {
                int ours = Integer.signum(BsonValues.compare(a, b));
                int library = Integer.signum(ValueComparator.ascWithoutListHandling().compare(a, b));
                if (library != 0 && !notAnOrder(a, b)) {
                    assertThat(ours).as("%s against %s: as the library orders them", show(a), show(b)).isEqualTo(library);
                }
                assertThat(ours == 0).as("%s against %s: level exactly when equal", show(a), show(b))
                        .isEqualTo(Objects.equals(a, b));
                assertThat(Integer.signum(BsonValues.compare(b, a))).as("antisymmetric").isEqualTo(-ours);
            }
        }
        List<Object> sorted = new ArrayList<>(values);
        sorted.sort(BsonValues::compare);
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                assertThat(BsonValues.compare(sorted.get(i), sorted.get(j)))
                        .as("transitive: %s before %s", show(sorted.get(i)), show(sorted.get(j))).isLessThanOrEqualTo(0);
            }
        }
    }

    @Test
    void every_value_reads_back_equal_with_its_class() {
        for (Object value : values(new Random(34))) {
            WriteBuffer out = new WriteBuffer();
            IndexPositionType.INSTANCE.write(out, value);
            Object back = IndexPositionType.INSTANCE.read(out.getBuffer().flip());
            if (value instanceof Missing) {
                assertThat(back).isSameAs(Missing.getInstance());
            } else {
                assertThat(back).as(show(value)).isEqualTo(value);
                if (value != null) {
                    assertThat(back).hasSameClassAs(value);
                }
            }
        }
    }

    @Test
    void index_keys_read_back_equal_and_compare_value_by_value() {
        Random random = new Random(56);
        List<Object> values = values(random);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            List<Object> parts = new ArrayList<>();
            int size = 1 + random.nextInt(3);
            for (int p = 0; p < size; p++) {
                Object part = values.get(random.nextInt(values.size()));
                parts.add(part instanceof Missing ? null : part);
            }
            keys.add(new KeyValue(parts));
        }
        for (KeyValue key : keys) {
            WriteBuffer out = new WriteBuffer();
            IndexKeyType.INSTANCE.write(out, key);
            assertThat(IndexKeyType.INSTANCE.read(out.getBuffer().flip())).isEqualTo(key);
            for (KeyValue other : keys) {
                assertThat(IndexKeyType.INSTANCE.compare(key, other) == 0).isEqualTo(key.equals(other));
            }
        }
    }

    /** Values as the library holds them; keys normalised (doubles, longs beyond 2^53) and positions not (ints). */
    static List<Object> values(Random random) {
        List<Object> values = new ArrayList<>(List.of(
                Missing.getInstance(), MinKey.getInstance(), MaxKey.getInstance(),
                0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Decimal128.NaN, Decimal128.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0, -1.5, 9.2e18, 1e19,
                (1L << 53) + 1, (1L << 53) + 3, Long.MAX_VALUE, Long.MIN_VALUE + 1, 1, 0, -7, 3L,
                Decimal128.ONE, new Decimal128(new BigDecimal("1.00")), Decimal128.NEGATIVE_ZERO, Decimal128.POSITIVE_ZERO,
                "", "a", "A", "ab", "é", "\uD83D\uDE00", "Zz", true, false,
                Instant.EPOCH, Instant.ofEpochSecond(-1, 999_999_999), Instant.ofEpochMilli(1_765_000_000_000L),
                new ObjectId(), new ObjectId(), new BinData(new byte[0]), new BinData(new byte[] {1, -1}),
                new UUID(1, 2), new UUID(-1, 2), new LegacyUUID(3, 4), new BsonTimestamp(5),
                new Document(), new Document("a", 1.0), new Document("a", 1.0).append("b", "x"),
                new Document("b", "x").append("a", 1.0), new Document("a", new Document("c", -0.0)),
                new ArrayList<>(), new ArrayList<>(List.of(1.0, "x")), new ArrayList<>(List.of("x", 1.0))));
        values.add(null);
        while (values.size() < VALUES) {
            values.add(value(random, 2));
        }
        return values;
    }

    private static Object value(Random random, int depth) {
        return switch (random.nextInt(depth > 0 ? 12 : 10)) {
            case 0 -> null;
            case 1 -> (double) (random.nextInt(21) - 10) / (1 + random.nextInt(3));
            case 2 -> random.nextBoolean() ? (long) random.nextInt(5) : (1L << 53) + random.nextInt(9);
            case 3 -> random.nextInt(7) - 3;
            case 4 -> "abc".substring(0, random.nextInt(4)) + (random.nextBoolean() ? "" : "é");
            case 5 -> random.nextBoolean();
            case 6 -> Instant.ofEpochMilli(random.nextInt(5) * 1000L);
            case 7 -> new ObjectId(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) random.nextInt(4)});
            case 8 -> new BinData(new byte[] {(byte) random.nextInt(3)});
            case 9 -> new Decimal128(new BigDecimal(random.nextInt(3)).setScale(random.nextInt(2)));
            case 10 -> {
                Document document = new Document();
                int fields = random.nextInt(3);
                for (int i = 0; i < fields; i++) {
                    document.put(String.valueOf((char) ('a' + random.nextInt(2))), value(random, depth - 1));
                }
                yield document;
            }
            default -> {
                List<Object> list = new ArrayList<>();
                int elements = random.nextInt(3);
                for (int i = 0; i < elements; i++) {
                    list.add(value(random, 0));
                }
                yield list;
            }
        };
    }

    /** The library compares NaN with a number it normalises to a long as 0 (its long value), with a double as greater. */
    private static boolean notAnOrder(Object a, Object b) {
        return a instanceof Number x && b instanceof Number y
                && (isNaN(x) && Utils.normalizeNumber(y) instanceof Long || isNaN(y) && Utils.normalizeNumber(x) instanceof Long);
    }

    private static boolean isNaN(Number value) {
        return Double.isNaN(value.doubleValue());
    }

    private static String show(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }
}
