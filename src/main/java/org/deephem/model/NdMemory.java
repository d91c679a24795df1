package org.deephem.model;

/**
 * Process-wide ND4J/JavaCPP settings that halve training memory and cut a quarter of the
 * time of a default training step (docs/PERFORMANCE.md, measured with JFR):
 * <ul>
 *   <li>SameDiff's array cache off ({@code org.nd4j.autodiff.samediff=false}): each session's
 *       {@code ArrayCacheMemoryMgr} otherwise keeps freed activations for reuse, up to a quarter
 *       of JavaCPP's limit, and batches padded to their own length rarely fit a cached array;
 *       with it off every array is closed as soon as the session no longer needs it.</li>
 *   <li>JavaCPP's physical-memory check off ({@code org.bytedeco.javacpp.maxPhysicalBytes=0}):
 *       it read /proc on every allocation (7 % of a step); the off-heap limit
 *       ({@code maxBytes}) still applies.</li>
 * </ul>
 * With the array cache off, the C allocator must keep freed memory for reuse ({@link NativeMalloc}),
 * or freeing and mapping the same megabytes again cost page faults every step.
 * A value the user set with {@code -D} wins. Must run before ND4J loads (JavaCPP reads its
 * setting once): {@code runtime.ProcessRuntime.start} calls it, with the allocator and the native
 * build; the array-cache setting is read per session.
 */
public final class NdMemory {
    public static final String ARRAY_CACHE = "org.nd4j.autodiff.samediff";
    public static final String PHYSICAL_CHECK = "org.bytedeco.javacpp.maxPhysicalBytes";

    private NdMemory() {}

    public static void configure() {
        if (System.getProperty(ARRAY_CACHE) == null) System.setProperty(ARRAY_CACHE, "false");
        if (System.getProperty(PHYSICAL_CHECK) == null && System.getProperty("org.bytedeco.javacpp.maxphysicalbytes") == null) {
            System.setProperty(PHYSICAL_CHECK, "0");
        }
    }
}
