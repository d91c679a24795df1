package org.deephem.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deephem.casestudy.XgemAgreement;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;

class CaseStudySectionTest {
    @Test
    void saysWhenTopMiRnasRestateTheirOrthologuesTrainingLabel() {
        Table top = Table.create("case_study", StringColumn.create("id", List.of("a", "b", "c")),
                StringColumn.create("mouse_label", List.of("essential", "unlabelled", "non-essential")));
        Report r = new Report("x");
        CaseStudySection.add(r, top, "test scores", null, "no --raw folder given");
        assertEquals(1, r.tables.size());
        assertTrue(r.sentences().contains("2 of these 3 have a mouse orthologue of the same name among the labelled mouse miRNAs the model learned from (1 essential): "
                + "their scores partly restate that label and are not independent evidence."), r.sentences().toString());
        assertTrue(r.sentences().contains("No comparison with XGEM's calls: no --raw folder given."), r.sentences().toString());

        Report with = new Report("y");
        CaseStudySection.add(with, top, "test scores", new XgemAgreement.Result(4, 2, 0.75, 2, 1, 1.0), null);
        assertEquals(2, with.tables.size());
        assertTrue(with.sentences().stream().anyMatch(s -> s.startsWith("Against XGEM's own calls on 4 unlabelled mouse miRNAs (2 called essential): AUROC 0.750; 1 of our top 2")),
                with.sentences().toString());
    }
}
