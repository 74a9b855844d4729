package io.tampon.notification.claims;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import io.tampon.notification.delivery.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Repository;

/**
 * Exactly-once as far as providers allow: a (pass, channel) is claimed with a lightweight transaction (Paxos, SERIAL)
 * before sending, marked SENT after, released when the send failed. What remains is the window between a provider
 * accepting a message and our SENT record: a crash there leaves a CLAIMED row that is taken over only after the
 * claim timeout — and that message may then be sent twice. Documented in docs/architecture.md.
 */
@Repository
public class ClaimRepository {

    private final CqlSession session;
    private final PreparedStatement claim;
    private final PreparedStatement takeOver;
    private final PreparedStatement read;
    private final PreparedStatement sent;
    private final PreparedStatement release;

    ClaimRepository(CqlSession session) {
        this.session = session;
        this.claim = session.prepare("INSERT INTO notification_claims (pass_id, channel, status, claimed_at) "
                + "VALUES (?, ?, 'CLAIMED', ?) IF NOT EXISTS");
        this.takeOver = session.prepare("UPDATE notification_claims SET claimed_at = ? WHERE pass_id = ? AND "
                + "channel = ? IF status = 'CLAIMED' AND claimed_at = ?");
        this.read = session.prepare("SELECT status FROM notification_claims WHERE pass_id = ? AND channel = ?");
        this.sent = session.prepare("UPDATE notification_claims SET status = 'SENT', sent_at = ?, provider_id = ? "
                + "WHERE pass_id = ? AND channel = ? IF status = 'CLAIMED'");
        this.release = session.prepare("DELETE FROM notification_claims WHERE pass_id = ? AND channel = ? "
                + "IF status = 'CLAIMED'");
    }

    /** What a claim found. */
    public enum Claim {
        /** This worker holds the claim and sends now. */
        OURS,
        /** The message was sent already (a re-delivered event, or a retry after the send): send nothing. */
        SENT,
        /**
         * Another claim is live: a worker is sending (a rebalance hands the same record to two), or one died
         * mid-send, or our own claim's outcome was unknown. Try again later; it ends as SENT, released, or timed out.
         */
        HELD
    }

    public Claim claim(UUID passId, Channel channel, Instant now, Duration claimTimeout) {
        ResultSet result = session.execute(claim.bind(passId, channel.name(), now)
                .setSerialConsistencyLevel(ConsistencyLevel.SERIAL));
        if (result.wasApplied()) {
            return Claim.OURS;
        }
        // A conditional insert that was not applied returns the row that stopped it: no second Paxos round to read.
        Row existing = result.one();
        if (existing == null || existing.isNull("status")) {
            return claim(passId, channel, now, claimTimeout); // released meanwhile
        }
        if ("SENT".equals(existing.getString("status"))) {
            return Claim.SENT;
        }
        Instant claimedAt = existing.getInstant("claimed_at");
        if (claimedAt != null && claimedAt.plus(claimTimeout).isBefore(now)) {
            boolean taken = session.execute(takeOver.bind(now, passId, channel.name(), claimedAt)
                    .setSerialConsistencyLevel(ConsistencyLevel.SERIAL)).wasApplied();
            return taken ? Claim.OURS : Claim.HELD;
        }
        return Claim.HELD;
    }

    /** False if this worker's claim was no longer there (taken over after the claim timeout, or released). */
    public boolean markSent(UUID passId, Channel channel, Instant now, String providerId) {
        // Committed at LOCAL_QUORUM whatever the session's default, so that allSent's LOCAL_QUORUM read overlaps it.
        return session.execute(sent.bind(now, providerId, passId, channel.name())
                .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM)
                .setSerialConsistencyLevel(ConsistencyLevel.SERIAL)).wasApplied();
    }

    /** After a failed send: the next attempt may claim again at once. */
    public void release(UUID passId, Channel channel) {
        session.execute(release.bind(passId, channel.name()).setSerialConsistencyLevel(ConsistencyLevel.SERIAL));
    }

    /**
     * Whether every channel is SENT. A plain LOCAL_QUORUM read, not a SERIAL one (a Paxos round): each worker calls
     * this after its own {@link #markSent} committed at LOCAL_QUORUM, so when the patient's two channels finish at
     * the same time, whichever read comes last sees both SENT — the two reads cannot both precede the other's commit.
     */
    public boolean allSent(UUID passId, Iterable<Channel> channels) {
        for (Channel channel : channels) {
            Row row = session.execute(read.bind(passId, channel.name())
                    .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM)).one();
            if (row == null || !"SENT".equals(row.getString("status"))) {
                return false;
            }
        }
        return true;
    }
}
