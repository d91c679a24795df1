package org.deephem.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** JSON through Jackson (our own dependency, not the copy shaded inside ND4J, which may change under us). */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JSON file read as {@code type}; an unreadable or malformed file is refused with one line
     * naming it (Jackson's own first message line, never a class name or stack).
     */
    public static <T> T readFile(Path file, Class<T> type) {
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (IOException e) {
            String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw InputError.at(file, "is not readable JSON (" + String.valueOf(why).lines().findFirst().orElse("") + ")");
        }
    }

    public static void writeFile(Path file, Object value) {
        AtomicFiles.writeString(file, write(value));
    }
}
