package org.deephem.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DIR}: the dataset folder a command reads, the demo's {@code data} unless given (a picocli mixin). */
final class DataOption {
    @Option(names = "--data", defaultValue = "data", description = "dataset folder (default: ${DEFAULT-VALUE})")
    Path data;
}
