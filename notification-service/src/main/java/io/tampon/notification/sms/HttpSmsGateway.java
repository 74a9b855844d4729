package io.tampon.notification.sms;

import io.tampon.notification.config.NotificationProperties;
import io.tampon.notification.delivery.DeliveryException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The common HTTP SMS provider shape: {@code POST <url>} with HTTP Basic credentials and
 * {@code application/x-www-form-urlencoded} fields {@code from}, {@code to} (E.164) and {@code text}; {@code 2xx}
 * with {@code {"id":"…"}} means accepted. {@code 400}/{@code 404}/{@code 422} are permanent (invalid number),
 * {@code 429}, {@code 5xx} and network errors are transient; {@code 401}/{@code 403} are transient too (our
 * credentials, not the patient's number, are wrong: an operator fixes them and nothing is lost).
 */
@Component
public class HttpSmsGateway implements SmsGateway {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]{1,128})\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI url;
    private final String authorization;
    private final String sender;

    public HttpSmsGateway(NotificationProperties properties) {
        this.url = URI.create(properties.sms().url());
        String password = properties.sms().password() == null ? "" : properties.sms().password();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (properties.sms().user() + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.sender = properties.sms().sender();
    }

    @Override
    public String send(String toE164, String text) throws DeliveryException {
        String form = "from=" + encode(sender) + "&to=" + encode(toE164) + "&text=" + encode(text);
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryException("SMS_GATEWAY_UNREACHABLE: " + e.getClass().getSimpleName(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("SMS_INTERRUPTED", false);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            Matcher id = ID.matcher(response.body());
            return id.find() ? id.group(1) : "unknown";
        }
        boolean permanent = status == 400 || status == 404 || status == 422;
        throw new DeliveryException("SMS_REFUSED_" + status, permanent);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
