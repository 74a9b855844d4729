package io.tampon.ingest.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.serde.ObjectMapper;
import io.tampon.contracts.events.Language;
import io.tampon.contracts.events.Patient;
import io.tampon.contracts.events.ResultIds;
import io.tampon.contracts.events.ResultReceived;
import io.tampon.contracts.events.TestKind;
import io.tampon.contracts.events.TestOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hand-written event must be the document the generic serializer writes, byte for byte. */
class ResultEventWriterTest {

    private static final ObjectMapper SERDE = ObjectMapper.getDefault();
    private static final Instant RECEIVED = Instant.parse("2026-11-27T10:15:30.123Z");

    static Stream<ResultReceived> events() {
        return Stream.of(
                event(TestKind.RAPID_ANTIGEN, "1232", null,
                        new Patient("Lefèvre-Dupont", "Amélie Marie", "1984-03-07", "+33612345678",
                                "amelie@example.org", Language.FR)),
                event(TestKind.NAAT, null, "RT-PCR",
                        new Patient("Nguyễn", null, "1990", null, "x@example.org", Language.EN)),
                event(TestKind.NAAT, null, null, new Patient("O\"Brien \\ Tab\t", "Zoë 😀", "2001-02", "+4915123456",
                        null, null)),
                event(null, null, null, null),
                new ResultReceived(ResultReceived.SCHEMA_VERSION, null, null, null, null, null, null, null, null,
                        null, null, new Patient(null, null, null, null, null, null)));
    }

    @ParameterizedTest
    @MethodSource("events")
    void writesExactlyWhatTheSerializerWrites(ResultReceived event) throws IOException {
        assertEquals(new String(SERDE.writeValueAsBytes(event), StandardCharsets.UTF_8),
                new String(ResultEventWriter.write(event), StandardCharsets.UTF_8));
        assertEquals(event, SERDE.readValue(ResultEventWriter.write(event), ResultReceived.class));
    }

    @Test
    void anyTextReadsBackAsItWasWritten() throws IOException {
        Random random = new Random(20261128);
        String alphabet = "aZ09 éèçÿŒ€\"\\/\b\f\n\r\t\u0000\u0001\u001f\u007f\u2028漢字😀";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int c = random.nextInt(20); c > 0; c--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            ResultReceived event = event(TestKind.RAPID_ANTIGEN, "1232", text.toString(),
                    new Patient(text.toString(), "x", "1984", null, "a@example.org", Language.FR));
            byte[] written = ResultEventWriter.write(event);
            if (!text.isEmpty()) {
                assertEquals(event, SERDE.readValue(written, ResultReceived.class), text.toString());
            }
            assertEquals(new String(SERDE.writeValueAsBytes(event), StandardCharsets.UTF_8),
                    new String(written, StandardCharsets.UTF_8));
        }
    }

    @Test
    void instantsAreWrittenAsTheirIsoText() {
        Random random = new Random(28112026);
        long[] edges = {Instant.MIN.getEpochSecond(), -62_167_219_201L, -62_167_219_200L, -1, 0, 253_402_300_799L,
            253_402_300_800L, Instant.MAX.getEpochSecond()};
        for (int i = 0; i < 100_000; i++) {
            long seconds = i < edges.length ? edges[i]
                    : random.nextInt(4) == 0 ? random.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                    : random.nextLong(-62_200_000_000L, 253_500_000_000L);
            int nano = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nano);
            ResultEventWriter.Buffer buffer = new ResultEventWriter.Buffer();
            ResultEventWriter.iso(buffer, instant);
            assertEquals(instant.toString(), new String(buffer.bytes, 0, buffer.length, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void eventsWithAnyInstantAreWhatTheSerializerWrites() throws IOException {
        for (Instant at : new Instant[] {Instant.EPOCH, Instant.parse("2026-11-28T00:00:00.000001Z"),
            Instant.parse("2026-11-28T23:59:59.999999999Z"), Instant.parse("+12026-01-01T00:00:00Z"),
            Instant.parse("-0001-12-31T23:59:59.5Z")}) {
            ResultReceived event = new ResultReceived(ResultReceived.SCHEMA_VERSION, ResultIds.of("ph-1", "REF-1"),
                    "ph-1", "REF-1", at, at, TestKind.NAAT, null, "RT-PCR", TestOutcome.POSITIVE, "Centre", null);
            assertEquals(new String(SERDE.writeValueAsBytes(event), StandardCharsets.UTF_8),
                    new String(ResultEventWriter.write(event), StandardCharsets.UTF_8));
        }
    }

    private static ResultReceived event(TestKind type, String deviceId, String testName, Patient patient) {
        return new ResultReceived(ResultReceived.SCHEMA_VERSION, ResultIds.of("ph-1", "REF-1"), "ph-1", "REF-1",
                RECEIVED, RECEIVED.minusSeconds(3600), type, deviceId, testName,
                type == null ? null : TestOutcome.NEGATIVE, "Pharmacie du Marché", patient);
    }
}
