package org.deephem.model.exec;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Buffers that the plans of one graph share: each plan's intermediate arrays are C-order views
 * (offset 0) onto numbered slots of one data type, so that all batch shapes together need only
 * as much memory as the largest live set of one of them. Only one plan runs at a time
 * ({@link PlannedGraph} is synchronised). A slot grows when a plan needs more than it holds; its
 * generation then changes and plans that view it re-bind their arrays before they run again.
 */
final class Arena {
    /** One buffer: its capacity in elements and how often it was replaced. */
    static final class Slot {
        final DataType type;
        final int index;
        DataBuffer buffer;
        long capacity;
        int generation;

        Slot(DataType type, int index) {
            this.type = type;
            this.index = index;
        }
    }

    private final Map<DataType, List<Slot>> slots = new EnumMap<>(DataType.class);

    /** The {@code index}-th slot of {@code type}, created empty when new. */
    Slot slot(DataType type, int index) {
        List<Slot> l = slots.computeIfAbsent(type, t -> new ArrayList<>());
        while (l.size() <= index) l.add(new Slot(type, l.size()));
        return l.get(index);
    }

    /** Slots of {@code type} that exist. */
    int count(DataType type) {
        List<Slot> l = slots.get(type);
        return l == null ? 0 : l.size();
    }

    /** Makes {@code s} hold at least {@code length} elements (its old contents are not kept). */
    static void ensure(Slot s, long length) {
        long need = Math.max(1, length);
        if (s.buffer != null && s.capacity >= need) return;
        if (s.buffer != null) s.buffer.close();
        s.buffer = Nd4j.createBufferDetached(new long[] {need}, s.type);
        s.capacity = need;
        s.generation++;
    }

    /** A C-order array of {@code shape} on slot {@code s}'s buffer, from its first element. */
    static INDArray view(Slot s, long[] shape) {
        ensure(s, Shape.lengthOf(shape));
        return Nd4j.create(s.buffer, shape, strides(shape), 0, 'c', s.type);
    }

    /** C-order strides of {@code shape}, in elements. */
    static long[] strides(long[] shape) {
        long[] st = new long[shape.length];
        long m = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            st[i] = m;
            m *= Math.max(1, shape[i]);
        }
        return st;
    }

    /** Bytes held by all slots. */
    long bytes() {
        long b = 0;
        for (List<Slot> l : slots.values()) for (Slot s : l) if (s.buffer != null) b += s.capacity * s.type.width();
        return b;
    }

    /** Frees every buffer. */
    void close() {
        for (List<Slot> l : slots.values()) {
            for (Slot s : l) {
                if (s.buffer != null) s.buffer.close();
                s.buffer = null;
                s.capacity = 0;
                s.generation++;
            }
        }
    }
}
