package io.tampon.system.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocalServiceTest {

    @Test
    void aSecondSigningReplicaJoinsTheSameModuleOnItsOwnPortAndWorkersYieldTheCpuToTheEdge() {
        assertEquals(List.of("ingest-service", "signing-service", "qr-service", "notification-service"),
                LocalService.all().stream().map(LocalService::name).toList());
        List<LocalService> two = LocalService.all(2);
        assertEquals(List.of("ingest-service", "signing-service", "signing-service-2", "qr-service",
                "notification-service"), two.stream().map(LocalService::name).toList());
        LocalService replica = two.get(2);
        assertEquals("signing-service", replica.module());
        assertEquals(8085, replica.port());
        assertEquals(List.of(0, 10, 10, 10, 10), two.stream().map(LocalService::niceness).toList());
    }
}
