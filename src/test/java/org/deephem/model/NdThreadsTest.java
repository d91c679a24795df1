package org.deephem.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class NdThreadsTest {
    @Test
    void aRequestedCountIsAppliedAndOutOfRangeRefused() {
        int before = NdThreads.configure();
        try {
            // libnd4j never goes above OMP_NUM_THREADS when it is set (surefire sets 1) or the core count
            String env = System.getenv("OMP_NUM_THREADS");
            int cap = env != null && !env.isBlank() ? Integer.parseInt(env.strip()) : Runtime.getRuntime().availableProcessors();
            NdThreads.request(2);
            assertEquals(Math.min(2, cap), NdThreads.configure());
            assertEquals(Math.min(2, cap), Nd4j.getEnvironment().maxMasterThreads());
            NdThreads.request(1);
            assertEquals(1, NdThreads.configure());
        } finally {
            NdThreads.request(before);
            NdThreads.configure();
        }
        assertThrows(IllegalArgumentException.class, () -> NdThreads.request(0));
        assertThrows(IllegalArgumentException.class, () -> NdThreads.request(NdThreads.MAX + 1));
    }
}
