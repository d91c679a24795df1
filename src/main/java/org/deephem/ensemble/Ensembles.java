package org.deephem.ensemble;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deephem.zoo.EnsembleZip;
import org.deephem.zoo.TrainedModel;

/** Saving a fitted ensemble of networks in the model zoo (one zip; see {@link EnsembleZip}). */
public final class Ensembles {
    private Ensembles() {}

    /** Only network members have a model zip; an ensemble of baselines cannot be saved. */
    public static void save(Path zip, FittedEnsemble e, Map<String, Object> provenance) {
        save(zip, e, provenance, null);
    }

    /** As above, with the ensemble's scores of the dataset's human rows as its reference (null: none). */
    public static void save(Path zip, FittedEnsemble e, Map<String, Object> provenance, org.deephem.data.DeepHemDataset reference) {
        List<EnsembleZip.Member> members = members(e);
        EnsembleZip.save(zip, members, provenance, reference == null ? null : EnsembleZip.reference(members, reference));
    }

    /** The members as model-zoo members (networks only). */
    public static List<EnsembleZip.Member> members(FittedEnsemble e) {
        List<EnsembleZip.Member> members = new ArrayList<>();
        for (int i = 0; i < e.members().size(); i++) {
            String name = e.memberNames().get(i);
            TrainedModel model = e.members().get(i).fitReport().model()
                    .orElseThrow(() -> new IllegalArgumentException("member " + name + " is not a network, so it has no model zip"));
            members.add(new EnsembleZip.Member(name, model));
        }
        return members;
    }
}
