package org.deephem.train;

/**
 * One epoch's record. Losses are measured after the epoch on a fixed monitoring batch; the
 * selection figures are on the held-out labelled mouse rows that choose the kept epoch (so they
 * are optimistic by construction and not an accuracy estimate: use cross-validation for that);
 * the target spread is the standard deviation of all human scores (0 means collapsed features).
 * {@code seconds} is the whole epoch; {@code stepSeconds} its training steps alone (the rest is
 * that monitoring, which scores every used mouse row and every human row).
 */
public record EpochLog(int epoch, double lambda, double alpha, double trainLoss, double clsLoss, double mmdLoss,
                       double advLoss, double domainAccuracy, double trainAuc, double selectionAuc, double selectionLogLoss,
                       double targetStd, double seconds, double stepSeconds) {
    public static String header() {
        return "epoch,lambda,alpha,loss,cls_loss,mmd_loss,adv_loss,domain_acc,train_auc,selection_auc,selection_logloss,target_std,seconds,step_seconds";
    }

    public String csv() {
        return String.format(java.util.Locale.ROOT, "%d,%.4f,%.4f,%.5f,%.5f,%.5f,%.5f,%.4f,%.4f,%.4f,%.5f,%.5f,%.2f,%.2f",
                epoch, lambda, alpha, trainLoss, clsLoss, mmdLoss, advLoss, domainAccuracy, trainAuc, selectionAuc, selectionLogLoss,
                targetStd, seconds, stepSeconds);
    }

    /** Reads a {@code training_log.csv} written by {@link #header()}/{@link #csv()}. */
    public static java.util.List<EpochLog> read(java.nio.file.Path file) {
        org.deephem.io.Table t = org.deephem.io.Delimited.read(file);
        String[] cols = header().split(",");
        int[] at = new int[cols.length];
        for (int c = 0; c < cols.length; c++) {
            // step_seconds is newer than the logs of models saved before it: NaN there
            at[c] = cols[c].equals("step_seconds") && !t.header().contains(cols[c]) ? -1 : t.column(cols[c]);
        }
        java.util.List<EpochLog> out = new java.util.ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            double[] v = new double[cols.length];
            for (int c = 0; c < cols.length; c++) v[c] = at[c] < 0 ? Double.NaN : nanOrNumber(t, r, at[c]);
            out.add(new EpochLog((int) v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13]));
        }
        return out;
    }

    /** Validation figures are NaN when a class is missing; everything else must be a number. */
    private static double nanOrNumber(org.deephem.io.Table t, int r, int c) {
        return t.text(r, c).equalsIgnoreCase("NaN") ? Double.NaN : t.number(r, c);
    }
}
