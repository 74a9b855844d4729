package io.tampon.qr.page;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/** A token bucket per client address: enough for a patient, far too few to enumerate 2^128 tokens. */
final class ClientRateLimiter {

    private static final int MAX_CLIENTS = 100_000;
    private final double perNano;
    private final double burst;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<String, double[]> buckets = new ConcurrentHashMap<>();

    ClientRateLimiter(int perMinute, LongSupplier nanoClock) {
        this.perNano = perMinute / 60e9;
        this.burst = perMinute;
        this.nanoClock = nanoClock;
    }

    boolean tryAcquire(String client) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear(); // memory stays bounded; a reset only gives everyone a fresh burst
        }
        double[] bucket = buckets.computeIfAbsent(client, c -> new double[] {burst, nanoClock.getAsLong()});
        synchronized (bucket) {
            long now = nanoClock.getAsLong();
            bucket[0] = Math.min(burst, bucket[0] + (now - bucket[1]) * perNano);
            bucket[1] = now;
            if (bucket[0] >= 1) {
                bucket[0] -= 1;
                return true;
            }
            return false;
        }
    }
}
