package org.deephem.train;

import java.nio.file.Path;
import org.deephem.data.DeepHemDataset;
import org.deephem.data.Layout;
import org.deephem.io.InputError;
import org.deephem.model.ModelConfig;

/** The levers of a config that need something of the dataset, checked before any training. */
public final class DataLevers {
    private DataLevers() {}

    /** Refuses, naming the folder, a data lever the dataset cannot serve. */
    public static void check(ModelConfig c, DeepHemDataset ds, Path data) {
        if (c.unlabelledMouseTarget() && ds.unlabelledMouse().size() == 0) {
            throw new InputError(data + ": --unlabelled-mouse target needs unlabelled mouse rows ("
                    + Layout.UNLABELLED_MOUSE + "), and the dataset has none");
        }
    }
}
