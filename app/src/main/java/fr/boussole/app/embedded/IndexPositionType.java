package fr.boussole.app.embedded;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;

/**
 * MVStore's type for what a unique index's key points to: the document's position, which is its {@code _id}
 * as stored (or the library's {@code Missing} for none), in {@link BsonValues}' form.
 */
final class IndexPositionType extends BasicDataType<Object> {

    static final IndexPositionType INSTANCE = new IndexPositionType();

    private IndexPositionType() {
    }

    @Override
    public int compare(Object a, Object b) {
        return BsonValues.compare(a, b);
    }

    @Override
    public int getMemory(Object position) {
        return BsonValues.memory(position);
    }

    @Override
    public void write(WriteBuffer out, Object position) {
        BsonValues.write(out, position);
    }

    @Override
    public Object read(ByteBuffer in) {
        return BsonValues.read(in);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
