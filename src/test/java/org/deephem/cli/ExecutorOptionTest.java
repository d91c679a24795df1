package org.deephem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deephem.model.exec.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutorOptionTest {
    @AfterEach
    void back() {
        Executor.use(Executor.DEFAULT);
    }

    @Test
    void optionSetsTheExecutorForThisProcessAndItsChildren() {
        ThreadsOption.applyExecutor("session");
        assertEquals(Executor.SESSION, Executor.current());
        assertEquals("session", System.getProperty(Executor.PROPERTY));
        assertTrue(org.deephem.experiment.ChildJvm.command("score", "--help").contains("-D" + Executor.PROPERTY + "=session"));
        assertEquals("session", org.deephem.zoo.Provenance.environment().get("executor"));
        ThreadsOption.applyExecutor("PLANNED");
        assertEquals(Executor.PLANNED, Executor.current());
        ThreadsOption.applyExecutor(null); // no option: what was in force stays
        assertEquals(Executor.PLANNED, Executor.current());
    }

    @Test
    void anUnknownExecutorIsRefusedInOneLine() {
        var e = assertThrows(org.deephem.io.InputError.class, () -> ThreadsOption.applyExecutor("fast"));
        assertEquals("--executor: unknown executor 'fast' (session or planned)", e.getMessage());
    }

    @Test
    void theDefaultIsThePlannedExecutor() {
        assertEquals(Executor.PLANNED, Executor.DEFAULT);
        assertEquals(Executor.DEFAULT.id(), Executor.DEFAULT_ID);
    }
}
