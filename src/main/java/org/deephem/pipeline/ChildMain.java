package org.deephem.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.deephem.io.InputError;
import org.deephem.io.Json;
import org.deephem.train.Seeds;
import org.deephem.validation.CrossValidation;
import org.deephem.validation.CvJob;
import org.deephem.zoo.ConfigCodec;

/**
 * The entry point of {@code all}'s trainings in their child JVMs (not the CLI's):
 * {@code java -cp <jar> org.deephem.pipeline.ChildMain train|cv SPEC [--threads N]}, where SPEC is
 * a {@link TrainingJob.Spec} or {@link CvJob.Spec} as one line of JSON (the network's config as
 * {@link ConfigCodec} writes it into a model zip). Prints what the {@code train} or {@code cv}
 * command prints. Exit codes as the CLI's: 0 done, 2 bad input (one line), 1 anything else.
 */
public final class ChildMain {
    private ChildMain() {}

    public static void main(String[] args) {
        org.deephem.runtime.ProcessRuntime.start(org.deephem.runtime.ProcessRuntime.Settings.standard()); // before anything loads ND4J
        org.deephem.experiment.ChildJvm.watchParent();           // ends with the runner that started it
        System.exit(exitCode(args));
    }

    /** The arguments of a child training. */
    static List<String> args(TrainingJob.Spec s, Integer threads) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("data", s.data().toString());
        m.put("zoo", s.zoo().toString());
        m.put("out", s.out().toString());
        m.put("out_option", s.outOption());
        m.put("into_run_folder", s.intoRunFolder());
        m.put("config", ConfigCodec.toMap(s.options()));
        m.put("seeds", Map.of("split", s.seeds().split(), "init", s.seeds().init(), "order", s.seeds().order()));
        return withThreads(List.of(TRAIN, oneLine(m)), threads);
    }

    /** The arguments of a child cross-validation. */
    static List<String> args(CvJob.Spec s, Integer threads) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", s.data().toString());
        m.put("folds", s.options().folds());
        m.put("repeats", s.options().repeats());
        m.put("seed", s.options().seed());
        m.put("methods", s.methods());
        m.put("config", ConfigCodec.toMap(s.network()));
        m.put("out", s.out().toString());
        return withThreads(List.of(CV, oneLine(m)), threads);
    }

    static final String TRAIN = "train", CV = "cv", USAGE = "usage: ChildMain train|cv SPEC-JSON [--threads N]";

    private static List<String> withThreads(List<String> a, Integer threads) {
        List<String> out = new ArrayList<>(a);
        if (threads != null) out.addAll(List.of("--threads", threads.toString()));
        return out;
    }

    private static String oneLine(Map<String, Object> m) {
        try {
            return Json.mapper().copy().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static int exitCode(String[] args) {
        return org.deephem.io.ExitCodes.of(() -> System.out.print(run(args)));
    }

    /** Runs the job the arguments describe; returns what it prints. */
    static String run(String[] args) {
        if (args.length != 2 && !(args.length == 4 && args[2].equals("--threads"))) throw new InputError(USAGE);
        if (args.length == 4) {
            try {
                org.deephem.model.NdThreads.request(Integer.parseInt(args[3]));
            } catch (IllegalArgumentException e) {
                throw new InputError("--threads: " + e.getMessage());
            }
        }
        Object spec = spec(args[0], args[1]);
        return spec instanceof TrainingJob.Spec t ? TrainingJob.run(t) : CvJob.run((CvJob.Spec) spec);
    }

    /** The {@link TrainingJob.Spec} or {@link CvJob.Spec} that {@link #args} wrote. */
    @SuppressWarnings("unchecked")
    static Object spec(String kind, String json) {
        Map<String, Object> m;
        try {
            m = Json.mapper().readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new InputError("the job's spec is not readable JSON (" + e.getOriginalMessage() + ")");
        }
        return switch (kind) {
            case TRAIN -> {
                Map<String, Object> seeds = (Map<String, Object>) m.get("seeds");
                yield new TrainingJob.Spec((String) m.get("name"), Path.of((String) m.get("data")), Path.of((String) m.get("zoo")),
                        Path.of((String) m.get("out")), (String) m.get("out_option"), (Boolean) m.get("into_run_folder"),
                        ConfigCodec.fromMap((Map<String, Object>) m.get("config")),
                        new Seeds(number(seeds.get("split")), number(seeds.get("init")), number(seeds.get("order"))));
            }
            case CV -> new CvJob.Spec(Path.of((String) m.get("data")),
                    new CrossValidation.Options(((Number) m.get("folds")).intValue(), ((Number) m.get("repeats")).intValue(), number(m.get("seed"))),
                    (List<String>) m.get("methods"), ConfigCodec.fromMap((Map<String, Object>) m.get("config")), Path.of((String) m.get("out")));
            default -> throw new InputError(USAGE);
        };
    }

    private static long number(Object o) {
        return ((Number) o).longValue();
    }
}
