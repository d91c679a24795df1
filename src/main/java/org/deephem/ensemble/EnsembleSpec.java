package org.deephem.ensemble;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code ensemble} is asked to make: {@code <zoo>/<name>.zip}, either from model zips
 * ({@code members}, with an optional {@code referenceData} folder) or trained on {@code data}
 * (one member per seed, or per left-out fold when {@code folds} is given).
 *
 * @param method  with {@code data}: deephem or deephem-nomti (lower case)
 * @param seeds   with {@code data}: members trained on all labelled mouse (null: 5)
 * @param folds   with {@code data}: instead of seeds, one member per stratified fold (or null)
 * @param epochs  with {@code data}: epochs per member (null: the default)
 */
public record EnsembleSpec(String name, Path zoo, List<Path> members, Path referenceData, Path data, String method,
                           Integer seeds, Integer folds, long seed, Integer epochs) {
    /** Where the zip goes. */
    public Path zip() {
        return zoo.resolve(name + ".zip");
    }
}
