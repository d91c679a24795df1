package org.deephem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Case changes and number formatting must not depend on the user's locale (Turkish turns 'i'
 * into 'İ', German writes 0,5): every call in the main code names Locale.ROOT.
 */
class LocaleRootTest {
    private static final Pattern LOCALE_DEPENDENT = Pattern.compile(
            "\\.to(Upper|Lower)Case\\(\\)|(String\\.format|\\.printf)\\((?!(java\\.util\\.)?Locale\\.ROOT)|\\.formatted\\(");

    @Test
    void mainCodeUsesLocaleRoot() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("src", "main", "java"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (LOCALE_DEPENDENT.matcher(lines.get(i)).find()) found.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
