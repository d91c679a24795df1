package org.deephem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Locale;
import org.deephem.model.NativeMalloc;
import org.deephem.model.NdMemory;
import org.junit.jupiter.api.Test;

class ProcessRuntimeTest {
    /** One call sets every pre-ND4J setting; a second call (Backend's fallback) changes nothing. */
    @Test
    void startSetsEverythingOnceAndTheFirstCallWins() {
        ProcessRuntime.start(ProcessRuntime.Settings.standard());
        assertEquals(ProcessRuntime.Settings.standard(), ProcessRuntime.settings());
        assertEquals("true", System.getProperty("java.awt.headless"));
        assertEquals(Locale.ROOT, Locale.getDefault(Locale.Category.FORMAT));
        assertNotEquals(null, System.getProperty(NdMemory.ARRAY_CACHE), "SameDiff's array cache setting is made");
        assertNotEquals("not set", NativeMalloc.state(), "the allocator was looked at");
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        ProcessRuntime.start(new ProcessRuntime.Settings(Locale.GERMANY, false));
        assertEquals(ProcessRuntime.Settings.standard(), ProcessRuntime.settings());
        assertEquals(before, Locale.getDefault(Locale.Category.FORMAT));
    }
}
