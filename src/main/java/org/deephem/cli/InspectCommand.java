package org.deephem.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deephem.data.DatasetReader;
import org.deephem.data.Inspection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Validate and summarise a DeepHEM-layout dataset folder.")
final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", defaultValue = "data", description = "dataset folder (default: ${DEFAULT-VALUE})")
    Path dir;

    @Override
    public Integer call() {
        System.out.print(Inspection.summarise(DatasetReader.read(dir)));
        return 0;
    }
}
