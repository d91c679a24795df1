package org.deephem.bench;

import java.nio.file.Path;

/**
 * What one {@code bench-worker} child is asked to run: one timed training at one size.
 *
 * @param data       DeepHEM-layout dataset
 * @param epochs     epochs to train (each is timed: no early stop)
 * @param model      where to save the model; null with {@code profile}
 * @param size       default, or reference (the PyTorch reference's size)
 * @param profile    time every op of the training steps and report them per step
 * @param byInstance with {@code profile}: one row per op instance instead of per op type
 * @param attention  with {@code profile}: basic or libnd4j
 */
public record WorkerSpec(Path data, int epochs, Path model, String size, boolean profile, boolean byInstance, String attention) {}
