package io.tampon.system.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tampon.contracts.Topics;
import io.tampon.system.monitor.ConsumerLag.Offsets;
import io.tampon.system.monitor.LagMonitor.Sample;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LagMonitorTest {

    @Test
    void lagIsWrittenMinusCommittedAndRatesAreCommittedRecordsPerSecond() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        LagMonitor monitor = new LagMonitor(null, ConsumerLag.PIPELINE, new PrintStream(printed, true));
        String results = Topics.RESULTS.name();
        String signed = Topics.PASSES_SIGNED.name();
        String issued = Topics.PASSES_ISSUED.name();
        monitor.record(new Offsets(Map.of(results, 100L, signed, 50L, issued, 20L),
                Map.of("signing-service", 50L, "qr-service", 20L, "notification-service-email", 10L)), 0);
        monitor.record(new Offsets(Map.of(results, 300L, signed, 150L, issued, 60L),
                Map.of("signing-service", 150L, "qr-service", 60L, "notification-service-email", 30L)),
                2_000_000_000L);
        Sample second = monitor.samples().get(1);
        assertEquals(300, second.accepted());
        assertEquals(100.0, second.acceptedPerSecond(), 1e-9);
        assertEquals(Map.of("sign", 150L, "issue", 90L, "email", 30L, "sms", 60L), second.lag(),
                "a group that never committed lags by the whole topic");
        assertEquals(50.0, second.perSecond().get("sign"), 1e-9);
        assertEquals(20.0, second.perSecond().get("issue"), 1e-9);
        assertEquals(10.0, second.perSecond().get("email"), 1e-9);
        assertEquals(0.0, second.perSecond().get("sms"), 1e-9);
        assertEquals(2, printed.toString().lines().count(), "one progress line a second");
    }
}
