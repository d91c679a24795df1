package org.deephem.zoo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.deephem.io.InputError;

/**
 * The models this project ships in {@code model-zoo/} (committed files, see its README), and the
 * default that {@code score} uses when no model is named: the no-MTI ensemble, because
 * TargetScan's targets nearly encode conservation. The build copies that zip into the jar
 * ({@link #RESOURCE}), so the default scores from the jar alone, wherever it is run.
 */
public final class ShippedModels {
    /** The no-MTI default (5 networks of recipe D) and the MTI one (5 of recipe B). */
    public static final String DEFAULT = "deephem-human-nomti", WITH_MTI = "deephem-human";
    static final String RESOURCE = "/org/deephem/zoo/shipped/" + DEFAULT + ".zip";

    private ShippedModels() {}

    /** The shipped default's zip from the jar, copied once per process to a temporary file (removed at exit). */
    public static synchronized Path defaultModel() {
        if (extracted != null && Files.isRegularFile(extracted)) return extracted;
        try (InputStream in = ShippedModels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new InputError("no --model given, and this build carries no shipped default (model-zoo/" + DEFAULT
                        + ".zip was missing when the jar was built): name a model zip with --model");
            }
            Path tmp = Files.createTempFile("deephem-" + DEFAULT + "-", ".zip");
            tmp.toFile().deleteOnExit();
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            extracted = tmp;
            return tmp;
        } catch (IOException e) {
            throw new InputError("could not unpack the shipped default model to the temporary folder: " + e.getMessage());
        }
    }

    private static Path extracted;

    /** The one line {@code score} says when it uses the default. */
    public static String defaultNote() {
        return "no --model given: scoring with the shipped default " + DEFAULT
                + " (no MTI; mean of 5 networks; model-zoo/README.md says how it was chosen and that it does not beat counting matures)";
    }
}
