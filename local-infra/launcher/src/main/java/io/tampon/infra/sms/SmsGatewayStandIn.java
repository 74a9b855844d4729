package io.tampon.infra.sms;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP SMS gateway stand-in that records what it receives, so tests and the local run can see every SMS.
 *
 * <p>Its request format is the common provider shape: {@code POST /v1/messages}, HTTP Basic credentials,
 * {@code application/x-www-form-urlencoded} fields {@code from}, {@code to} (E.164) and {@code text}. It answers
 * {@code 202} with {@code {"id":"…"}}; {@code 400} for a missing field; {@code 401} for wrong credentials.
 * {@code GET /v1/messages} lists what was received (JSON). Tests can script failures ({@link #failNext}) to play a
 * throttling or broken provider.
 *
 * <p>Like a real provider it knows numbers that do not exist: those of {@link #UNASSIGNED_PREFIX} (the French mobile
 * range reserved for fiction, 06 39 98 xx xx) are answered {@code 400 unknown number}, a permanent failure that
 * the edge cannot detect from the number's syntax.
 */
public final class SmsGatewayStandIn implements AutoCloseable {

    /** Numbers the stand-in treats as unassigned (ARCEP's fiction range 06 39 98 xx xx). */
    public static final String UNASSIGNED_PREFIX = "+3363998";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String expectedAuthorization;
    private final Clock clock;
    private final List<SmsMessage> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> scriptedStatuses = new ArrayDeque<>();
    private final AtomicLong sequence = new AtomicLong();

    private SmsGatewayStandIn(HttpServer server, ExecutorService executor, String user, String password,
                              Clock clock) {
        this.server = server;
        this.executor = executor;
        this.expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
    }

    public static SmsGatewayStandIn start(int port, String user, String password) {
        // The JDK's server writes a response's headers and body separately; with Nagle's algorithm on, the body waits
        // for the client's delayed ACK of the headers: ~40 ms per message, which made this stand-in, not Tampon, the
        // SMS stage's limit (4 senders × 25/s). Read once by the JDK when its first server starts in this JVM.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "sms-stand-in");
                t.setDaemon(true);
                return t;
            });
            SmsGatewayStandIn gateway = new SmsGatewayStandIn(server, executor, user, password, Clock.systemUTC());
            server.createContext("/v1/messages", gateway::handle);
            server.setExecutor(executor);
            server.start();
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the SMS gateway stand-in on port " + port, e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/messages";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<SmsMessage> received() {
        return List.copyOf(received);
    }

    public void clear() {
        received.clear();
        synchronized (scriptedStatuses) {
            scriptedStatuses.clear();
        }
    }

    /** The next {@code count} sends are answered with {@code status} (e.g. 429 or 503) and not recorded. */
    public void failNext(int count, int status) {
        synchronized (scriptedStatuses) {
            for (int i = 0; i < count; i++) {
                scriptedStatuses.add(status);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 200, listAsJson());
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "{\"error\":\"method not allowed\"}");
                return;
            }
            if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "{\"error\":\"unauthorized\"}");
                return;
            }
            Integer scripted;
            synchronized (scriptedStatuses) {
                scripted = scriptedStatuses.poll();
            }
            if (scripted != null) {
                if (scripted == 429) {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                }
                respond(exchange, scripted, "{\"error\":\"scripted failure\"}");
                return;
            }
            Map<String, String> form = parseForm(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            for (String field : List.of("from", "to", "text")) {
                if (form.getOrDefault(field, "").isBlank()) {
                    respond(exchange, 400, "{\"error\":\"missing field " + field + "\"}");
                    return;
                }
            }
            if (!form.get("to").matches("\\+[1-9]\\d{6,14}")) {
                respond(exchange, 400, "{\"error\":\"invalid number\"}");
                return;
            }
            if (form.get("to").startsWith(UNASSIGNED_PREFIX)) {
                respond(exchange, 400, "{\"error\":\"unknown number\"}");
                return;
            }
            String id = "sms-" + sequence.incrementAndGet();
            received.add(new SmsMessage(id, form.get("from"), form.get("to"), form.get("text"), clock.instant()));
            respond(exchange, 202, "{\"id\":\"" + id + "\"}");
        }
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private String listAsJson() {
        StringBuilder json = new StringBuilder("[");
        for (SmsMessage m : received) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"id\":").append(quote(m.id())).append(",\"from\":").append(quote(m.from()))
                    .append(",\"to\":").append(quote(m.to())).append(",\"text\":").append(quote(m.text()))
                    .append(",\"receivedAt\":").append(quote(m.receivedAt().toString())).append('}');
        }
        return json.append(']').toString();
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
