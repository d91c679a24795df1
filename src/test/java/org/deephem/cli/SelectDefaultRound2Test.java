package org.deephem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.deephem.testutil.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** select-default --round 2 refuses a bad round-2 command line with one line naming the option, before any cell runs. */
class SelectDefaultRound2Test {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--round 3|error: --round: give 1 or 2 (got 3)",
            "--round 1 --canonical-data DATA|error: --canonical-data: only --round 2 reads it",
            "--round 2|error: --canonical-data: round 2 needs the canonical-window dataset folder (build-dataset --window canonical)",
            "--round 2 --canonical-data DATA --candidates R0,R9|error: --candidates: unknown round-2 candidate 'R9' (known: R0, R1, R2, R3)",
            "--round 2 --canonical-data DATA --ensemble-seeds 6,7|error: --ensemble-seeds: round 2 trains no G (amendment 3 item 5: the pick's seeds are its ensemble)",
            "--round 2 --canonical-data DATA --cv 0|error: --cv: the protocol rules on the nested CV; give FOLDSxREPEATS (default 5x2)"})
    void refusesWithOneLine(String options, String message) {
        String data = TestData.demo().toString();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("select-default", "--data", data, "-o", tmp.resolve("out").toString()));
        for (String o : options.split(" ")) args.add(o.equals("DATA") ? data : o);
        CliTest.Run r = CliTest.run(args.toArray(String[]::new));
        assertEquals(2, r.exit(), r.err());
        assertEquals(message, r.err().strip());
        assertFalse(Files.exists(tmp.resolve("out").resolve("candidates")), "no cell ran");
    }
}
