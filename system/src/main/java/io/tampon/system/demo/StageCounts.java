package io.tampon.system.demo;

import io.tampon.stage.ResultStatus;
import java.util.Collection;

/**
 * How many of the followed results have reached each stage; a result counts in every stage it passed (a notified
 * result was also received, signed and issued). A failed result counts as failed and in the stages it passed.
 */
public record StageCounts(int total, int received, int signed, int issued, int notified, int failed) {

    public static StageCounts of(int total, Collection<ResultStatus> statuses) {
        int signed = 0;
        int issued = 0;
        int notified = 0;
        int failed = 0;
        for (ResultStatus status : statuses) {
            signed += status.signedAt() != null ? 1 : 0;
            issued += status.issuedAt() != null ? 1 : 0;
            notified += status.notifiedAt() != null && status.failedAt() == null ? 1 : 0;
            failed += status.failedAt() != null ? 1 : 0;
        }
        // A row exists only for an accepted result: whatever stage it shows, it was received.
        return new StageCounts(total, statuses.size(), signed, issued, notified, failed);
    }
}
