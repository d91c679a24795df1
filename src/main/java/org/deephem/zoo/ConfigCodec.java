package org.deephem.zoo;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deephem.model.Fusion;
import org.deephem.model.MmdKernel;
import org.deephem.model.ModelConfig;

/** ModelConfig ⇄ a flat name → value map (JSON-friendly), by the record's own components. */
public final class ConfigCodec {
    private ConfigCodec() {}

    public static Map<String, Object> toMap(ModelConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            for (RecordComponent rc : ModelConfig.class.getRecordComponents()) {
                Object v = rc.getAccessor().invoke(c);
                if (OMITTED_WHEN_OFF.containsKey(rc.getName()) && OMITTED_WHEN_OFF.get(rc.getName()).equals(v)) continue;
                m.put(rc.getName(), v instanceof Enum<?> e ? e.name() : v);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
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
        RecordComponent[] rcs = ModelConfig.class.getRecordComponents();
        Object[] args = new Object[rcs.length];
        Class<?>[] types = new Class<?>[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            String name = rcs[i].getName();
            Class<?> t = rcs[i].getType();
            types[i] = t;
            Object v = m.containsKey(name) ? m.get(name) : ADDED_LATER.get(name);
            if (v == null) throw new IllegalArgumentException("field '" + name + "' is missing");
            try {
                if (t == boolean.class) args[i] = (Boolean) v;
                else if (t == int.class) args[i] = Math.toIntExact(whole((Number) v));
                else if (t == long.class) args[i] = whole((Number) v);
                else if (t == double.class) args[i] = ((Number) v).doubleValue();
                else if (t == Fusion.class) args[i] = Fusion.valueOf((String) v);
                else if (t == MmdKernel.class) args[i] = MmdKernel.valueOf((String) v);
                else if (t == org.deephem.model.Selection.class) args[i] = org.deephem.model.Selection.valueOf((String) v);
                else throw new IllegalStateException("unsupported config type " + t);
            } catch (ClassCastException | IllegalArgumentException | ArithmeticException e) {
                throw new IllegalArgumentException("field '" + name + "' has an invalid value '" + v + "'");
            }
        }
        try {
            return ModelConfig.class.getDeclaredConstructor(types).newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof ModelConfig.Invalid bad) {
                throw new IllegalArgumentException("field '" + bad.field() + "': " + bad.problem());
            }
            throw new IllegalArgumentException("invalid config: " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
