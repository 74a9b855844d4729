package io.tampon.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tampon.contracts.events.Language;
import io.tampon.contracts.events.PassIssued;
import io.tampon.notification.claims.ClaimRepository;
import io.tampon.notification.config.NotificationProperties;
import io.tampon.notification.email.EmailSender;
import io.tampon.notification.email.Messages;
import io.tampon.notification.sms.SmsGateway;
import io.tampon.stage.ResultStageRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Tells one patient, by one channel, at most once: claim, send, record. A failed send releases the claim so the
 * retry can send; the result becomes NOTIFIED once every channel the patient gave has been sent.
 */
@Component
class Notifier {

    private final ClaimRepository claims;
    private final EmailSender email;
    private final SmsGateway sms;
    private final PassImages images;
    private final ChannelPacer pacer;
    private final ResultStageRepository stages;
    private final NotificationProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    Notifier(ClaimRepository claims, EmailSender email, SmsGateway sms, PassImages images, ChannelPacer pacer,
             ResultStageRepository stages, NotificationProperties properties, Clock clock, MeterRegistry meters) {
        this.claims = claims;
        this.email = email;
        this.sms = sms;
        this.images = images;
        this.pacer = pacer;
        this.stages = stages;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    void deliver(PassIssued pass, Channel channel) throws DeliveryException {
        String recipient = recipient(pass, channel);
        if (recipient == null) {
            return; // the patient did not give this channel
        }
        ClaimRepository.Claim claim = claims.claim(pass.passId(), channel, clock.instant(), properties.claimTimeout());
        if (claim == ClaimRepository.Claim.HELD) {
            // Not committed past until the message is sent: the holder finishes, or its claim times out and the
            // retry takes it over. Returning here would leave a crashed worker's message unsent for good.
            throw new DeliveryException("CLAIM_HELD", false);
        }
        if (claim == ClaimRepository.Claim.SENT) {
            meters.counter("tampon.notification.duplicates", "channel", channel.name()).increment();
            // Sent before, perhaps by an attempt that then failed to record NOTIFIED: record it now.
            recordNotifiedIfAllSent(pass, channel);
            return;
        }
        String providerId;
        try {
            pacer.awaitSlot(channel);
            long started = System.nanoTime();
            providerId = send(pass, channel, recipient);
            Timer.builder("tampon.notification.provider").tag("channel", channel.name()).register(meters)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        } catch (DeliveryException | RuntimeException e) {
            claims.release(pass.passId(), channel);
            meters.counter("tampon.notification.failures", "channel", channel.name(), "reason",
                    e instanceof DeliveryException d ? d.getMessage() : e.getClass().getSimpleName()).increment();
            throw e;
        }
        boolean ours = claims.markSent(pass.passId(), channel, clock.instant(), providerId);
        meters.counter("tampon.notification.sent", "channel", channel.name()).increment();
        // If our claim was taken over after the claim timeout, our own channel's row is the taker's: read it too.
        recordNotifiedIfAllSent(pass, ours ? channel : null);
    }

    /**
     * NOTIFIED once every channel the patient gave is SENT. {@code knownSent} (if not null) is SENT already,
     * committed at LOCAL_QUORUM by this worker or an earlier attempt, so only the other channels are read.
     */
    private void recordNotifiedIfAllSent(PassIssued pass, Channel knownSent) {
        List<Channel> toCheck = channels(pass);
        toCheck.remove(knownSent);
        if (toCheck.isEmpty() || claims.allSent(pass.passId(), toCheck)) {
            stages.markNotified(pass.resultId(), pass.pharmacyId(), clock.instant()).toCompletableFuture().join();
        }
    }

    private String send(PassIssued pass, Channel channel, String recipient) throws DeliveryException {
        String link = properties.pageBaseUrl() + "/p/" + pass.linkToken();
        Language language = pass.language() == null ? Language.FR : pass.language();
        if (channel == Channel.SMS) {
            return sms.send(recipient, Messages.sms(language, link));
        }
        byte[] qr = images.qrPng(pass.passId())
                .orElseThrow(() -> new DeliveryException("PASS_NOT_FOUND", true));
        return email.send(recipient, Messages.email(language, link), qr);
    }

    static String recipient(PassIssued pass, Channel channel) {
        String value = channel == Channel.EMAIL ? pass.email() : pass.mobile();
        return value == null || value.isBlank() ? null : value;
    }

    static List<Channel> channels(PassIssued pass) {
        List<Channel> channels = new ArrayList<>(2);
        for (Channel channel : Channel.values()) {
            if (recipient(pass, channel) != null) {
                channels.add(channel);
            }
        }
        return channels;
    }
}
