package org.deephem.train;

/**
 * One epoch's record. Losses are measured after the epoch on a fixed monitoring batch; the
 * selection figures are on the held-out labelled mouse rows that choose the kept epoch (so they
 * are optimistic by construction and not an accuracy estimate: use cross-validation for that);
 * the target spread is the standard deviation of all human scores (0 means collapsed features).
 */
public record EpochLog(int epoch, double lambda, double alpha, double trainLoss, double clsLoss, double mmdLoss,
                       double advLoss, double domainAccuracy, double trainAuc, double selectionAuc, double selectionLogLoss,
                       double targetStd, double seconds) {
    public static String header() {
        return "epoch,lambda,alpha,loss,cls_loss,mmd_loss,adv_loss,domain_acc,train_auc,selection_auc,selection_logloss,target_std,seconds";
    }

    public String csv() {
        return String.format(java.util.Locale.ROOT, "%d,%.4f,%.4f,%.5f,%.5f,%.5f,%.5f,%.4f,%.4f,%.4f,%.5f,%.5f,%.2f",
                epoch, lambda, alpha, trainLoss, clsLoss, mmdLoss, advLoss, domainAccuracy, trainAuc, selectionAuc, selectionLogLoss,
                targetStd, seconds);
    }
}
