package org.deephem.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deephem.io.InputError;
import org.deephem.io.Json;

/**
 * A report page's record of the model it was made from, read back from the page's own
 * {@code index.provenance.json} when the model zip is not at hand (a committed page whose zip is
 * not committed): the model's name, creation, seeds, dataset and its hashes, software and
 * selection metrics as the page recorded them, the zip's recorded path and SHA-256, and its
 * configuration ({@code model_config}; pages written before it was recorded there keep it only in
 * their Configuration block, which is read instead).
 */
public final class PageProvenance {
    /** The model's provenance keys a page records under {@code inputs} as {@code model_<key>}. */
    public static final List<String> KEYS = List.of("name", "created", "seeds", "tags", "dataset", "dataset_sha256", "environment", "metrics");

    private PageProvenance() {}

    /** What {@link #read} found: the model provenance (with "config") and the zip as the page recorded it. */
    public record Recorded(Map<String, Object> model, Object zipFile) {}

    public static boolean available(Path runDir) {
        return Files.isRegularFile(runDir.resolve("index.provenance.json"));
    }

    @SuppressWarnings("unchecked")
    public static Recorded read(Path runDir) {
        Path sidecar = runDir.resolve("index.provenance.json");
        if (!Files.isRegularFile(sidecar)) throw InputError.at(sidecar, "no page provenance to read the model's record from");
        Map<String, Object> page = Json.readFile(sidecar, Map.class);
        if (!(page.get("inputs") instanceof Map<?, ?> in)) throw InputError.at(sidecar, "no 'inputs': not a report page's provenance");
        Map<String, Object> model = new LinkedHashMap<>();
        for (String k : KEYS) if (in.containsKey("model_" + k)) model.put(k, in.get("model_" + k));
        Object config = page.get("model_config");
        if (config == null) config = legacyConfig(runDir.resolve("index.html"));
        if (config != null) model.put("config", config);
        return new Recorded(model, in.get("model_zip"));
    }

    /** The JSON of a page's "Configuration" block (pages written before the sidecar carried it); null when absent. */
    public static Object legacyConfig(Path html) {
        if (!Files.isRegularFile(html)) return null;
        String s;
        try {
            s = Files.readString(html);
        } catch (java.io.IOException e) {
            throw InputError.at(html, "cannot read (" + e.getMessage() + ")");
        }
        String start = "<h3>Configuration</h3>\n<pre>";
        int a = s.indexOf(start);
        if (a < 0) return null;
        int b = s.indexOf("</pre>", a);
        String json = s.substring(a + start.length(), b).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        try {
            return Json.mapper().readValue(json, Map.class);
        } catch (java.io.IOException e) {
            throw InputError.at(html, "the Configuration block is not JSON (" + e.getMessage() + ")");
        }
    }
}
