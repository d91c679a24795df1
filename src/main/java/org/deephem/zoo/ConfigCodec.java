package org.deephem.zoo;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deephem.model.ModelConfig;

/** ModelConfig ⇄ a flat name → value map (JSON-friendly), field by field of {@link ModelConfig#FIELDS}. */
public final class ConfigCodec {
    private ConfigCodec() {}

    public static Map<String, Object> toMap(ModelConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (ModelConfig.Field<?> f : ModelConfig.FIELDS) {
            Object v = f.get().apply(c);
            if (OMITTED_WHEN_OFF.containsKey(f.name()) && OMITTED_WHEN_OFF.get(f.name()).equals(v)) continue;
            m.put(f.name(), v instanceof Enum<?> e ? e.name() : v);
        }
        return m;
    }

    /**
     * Fields added after format version 1 was first written, with the value that older models
     * implicitly had; any other missing field is an error.
     */
    static final Map<String, Object> ADDED_LATER = Map.ofEntries(Map.entry("selection", "VAL_LOGLOSS"), Map.entry("patience", 0),
            Map.entry("mmdOnHidden", false),
            // the levers of issue 12: all off in models saved before them
            Map.entry("featureDropout", 0.0), Map.entry("encoderDropout", 0.0), Map.entry("headDropout", 0.0),
            Map.entry("tokenDropout", 0.0), Map.entry("branchDropout", 0.0), Map.entry("labelSmoothing", 0.0),
            Map.entry("rampEpochs", 0), Map.entry("warmupEpochs", 0), Map.entry("lengthAdvWeight", 0.0),
            Map.entry("unlabelledMouseTarget", false),
            // amendment 3 (issue 24): off in every config written before it, and left out of the map while off
            Map.entry("lengthBalance", false));

    /**
     * Fields left out of {@link #toMap} while they hold this value (and read back as it when
     * missing, via {@link #ADDED_LATER}): the map of a config without them is then exactly the map
     * of before they existed, so that harness cell hashes (of the map's JSON), model zips'
     * config.json and their expected scores do not change.
     */
    static final Map<String, Object> OMITTED_WHEN_OFF = Map.of("lengthBalance", false);

    /** An integral JSON number; 1.5 or 1e12 for an int field is an error, not a silent cast. */
    private static long whole(Number n) {
        if (n instanceof Double || n instanceof Float || n instanceof java.math.BigDecimal || n instanceof java.math.BigInteger) {
            double d = n.doubleValue();
            if (d != Math.rint(d) || Math.abs(d) > Long.MAX_VALUE / 2.0) throw new ArithmeticException("not an integer");
            return (long) d;
        }
        return n.longValue();
    }

    /** Rebuilds a config; a missing or ill-typed value is an error naming the field. */
    public static ModelConfig fromMap(Map<String, ?> m) {
        ModelConfig.Builder b = ModelConfig.builder();
        for (ModelConfig.Field<?> f : ModelConfig.FIELDS) {
            Object v = m.containsKey(f.name()) ? m.get(f.name()) : ADDED_LATER.get(f.name());
            if (v == null) throw new IllegalArgumentException("field '" + f.name() + "' is missing");
            try {
                set(b, f, v);
            } catch (ClassCastException | IllegalArgumentException | ArithmeticException e) {
                throw new IllegalArgumentException("field '" + f.name() + "' has an invalid value '" + v + "'");
            }
        }
        try {
            return b.build();
        } catch (ModelConfig.Invalid bad) {
            throw new IllegalArgumentException("field '" + bad.field() + "': " + bad.problem());
        }
    }

    /** A JSON value as the field's type: whole numbers for int and long fields, names for enums. */
    private static <T> void set(ModelConfig.Builder b, ModelConfig.Field<T> f, Object v) {
        Class<T> t = f.type();
        Object x;
        if (t == Boolean.class) x = (Boolean) v;
        else if (t == Integer.class) x = Math.toIntExact(whole((Number) v));
        else if (t == Long.class) x = whole((Number) v);
        else if (t == Double.class) x = ((Number) v).doubleValue();
        else if (t.isEnum()) x = enumValue(t, (String) v);
        else throw new IllegalStateException("unsupported config type " + t);
        f.set().accept(b, t.cast(x));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> t, String name) {
        return Enum.valueOf((Class) t, name);
    }
}
