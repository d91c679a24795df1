package org.deephem.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The config's parts and its builder by name agree with the flat accessors and the with… copies. */
class ModelConfigPartsTest {

    @Test
    void builderByNameEqualsTheWithCopies() {
        ModelConfig byName = ModelConfig.builder().width(16).heads(4).layers(2).mmdWeight(0.5).kernel(MmdKernel.SINGLE)
                .labelSmoothing(0.1).selection(Selection.VAL_AUC).build();
        ModelConfig byWith = ModelConfig.defaults().withSize(180, 3, 16, 4, 2, 32).withLossWeights(0.5, 1.0)
                .withKernel(MmdKernel.SINGLE).withLabelSmoothing(0.1).withSelection(Selection.VAL_AUC);
        assertEquals(byWith, byName);
        assertEquals(byName, byName.toBuilder().build());
        assertNotEquals(byName, byName.toBuilder().seed(1).build());
    }

    @Test
    void partsHoldTheFlatValues() {
        ModelConfig c = ModelConfig.defaults().withDropout(0.1, 0.2, 0.3).withLengthAdvWeight(0.4).withLengthBalance(true);
        assertEquals(c.width(), c.architecture().width());
        assertEquals(0.2, c.optimisation().dropout().encoder());
        assertEquals(0.4, c.adaptation().lengthAdversarial().weight());
        assertTrue(c.epochSelection().lengthBalance());
        assertEquals(List.of(new DomainAdaptation.Mmd(1.0, MmdKernel.MULTI, false), new DomainAdaptation.Adversarial(1.0),
                new DomainAdaptation.LengthAdversarial(0.4)), c.adaptation().active());
        assertEquals(2, ModelConfig.defaults().adaptation().active().size(), "length adversary off by default");
        // a config rebuilt from its parts is the same config
        assertEquals(c, ModelConfig.builder().architecture(c.architecture()).adaptation(c.adaptation())
                .optimisation(c.optimisation()).epochSelection(c.epochSelection()).build());
    }

    @Test
    void termsComeInOneOrderAndEachKindOnce() {
        DomainAdaptation d = new DomainAdaptation(List.of(new DomainAdaptation.Adversarial(2)), false);
        assertEquals(List.of(new DomainAdaptation.Mmd(0, MmdKernel.MULTI, false), new DomainAdaptation.Adversarial(2),
                new DomainAdaptation.LengthAdversarial(0)), d.terms());
        ModelConfig.Invalid twice = assertThrows(ModelConfig.Invalid.class, () -> new DomainAdaptation(
                List.of(new DomainAdaptation.Adversarial(1), new DomainAdaptation.Adversarial(2)), false));
        assertEquals("terms", twice.field());
        assertEquals(0.0, ModelConfig.builder().term(new DomainAdaptation.Mmd(0, MmdKernel.SINGLE, true)).build().mmdWeight());
    }

    @Test
    void badValuesNameTheirFlatField() {
        assertEquals("heads", assertThrows(ModelConfig.Invalid.class, () -> ModelConfig.builder().heads(3).build()).field());
        assertEquals("tokenDropout", assertThrows(ModelConfig.Invalid.class, () -> ModelConfig.defaults().withTokenDropout(0.95)).field());
        assertEquals("validationFraction", assertThrows(ModelConfig.Invalid.class,
                () -> ModelConfig.defaults().withRegularisation(1e-4, 0.5)).field());
        assertEquals("lengthAdvWeight", assertThrows(ModelConfig.Invalid.class, () -> ModelConfig.defaults().withLengthAdvWeight(-1)).field());
    }

    @Test
    void printsAsTheFlatRecordDid() {
        String s = ModelConfig.defaults().toString();
        assertTrue(s.startsWith("ModelConfig[useSequence=true, useInherent=true, useMti=true, fusion=CONCAT, kernel=MULTI, maxLength=180,"), s);
        assertTrue(s.endsWith("lengthAdvWeight=0.0, unlabelledMouseTarget=false, lengthBalance=false]"), s);
        assertEquals(37, ModelConfig.FIELDS.size());
    }
}
