package io.tampon.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tampon.infra.junit.LocalInfraTest;
import io.tampon.infra.mail.MailSink;
import io.tampon.infra.sms.SmsGatewayStandIn;
import io.tampon.infra.sms.SmsMessage;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

@LocalInfraTest
class MailAndSmsIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anEmailSentOverSmtpIsReceived(LocalInfrastructure infra) throws Exception {
        MailSink mail = infra.mail();
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", mail.host());
        smtp.put("mail.smtp.port", Integer.toString(mail.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(smtp));
        message.setFrom(new InternetAddress("passes@tampon.local"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("patient@example.org"));
        message.setSubject("Votre pass est prêt", "UTF-8");
        message.setText("Bonjour", "UTF-8");
        int before = mail.received().size();

        Transport.send(message);

        assertTrue(mail.awaitMessages(before + 1, Duration.ofSeconds(10)));
        MimeMessage received = mail.received().get(before);
        assertEquals("Votre pass est prêt", received.getSubject());
        assertEquals("patient@example.org", received.getAllRecipients()[0].toString());
    }

    @Test
    void anSmsPostedToTheGatewayIsRecordedAndListed(LocalInfrastructure infra) throws Exception {
        SmsGatewayStandIn sms = infra.sms();
        sms.clear();
        HttpResponse<String> accepted = send(sms, authorization(), "from=Tampon&to=%2B33612345678&text=Votre+pass");
        assertEquals(202, accepted.statusCode());

        List<SmsMessage> received = sms.received();
        assertEquals(1, received.size());
        assertEquals("+33612345678", received.get(0).to());
        assertEquals("Votre pass", received.get(0).text());
        String listed = http.send(HttpRequest.newBuilder(URI.create(sms.url())).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(listed.contains("\"to\":\"+33612345678\""), listed);
    }

    @Test
    void theGatewayRefusesBadCredentialsBadNumbersAndPlaysScriptedFailures(LocalInfrastructure infra)
            throws Exception {
        SmsGatewayStandIn sms = infra.sms();
        sms.clear();
        assertEquals(401, send(sms, "Basic d3Jvbmc6d3Jvbmc=", "from=T&to=%2B33612345678&text=x").statusCode());
        assertEquals(400, send(sms, authorization(), "from=T&to=0612&text=x").statusCode());
        assertEquals(400, send(sms, authorization(), "from=T&to=%2B33639981234&text=x").statusCode(),
                "a number in the unassigned range");
        sms.failNext(1, 429);
        HttpResponse<String> throttled = send(sms, authorization(), "from=T&to=%2B33612345678&text=x");
        assertEquals(429, throttled.statusCode());
        assertEquals("1", throttled.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(202, send(sms, authorization(), "from=T&to=%2B33612345678&text=x").statusCode());
        assertEquals(1, sms.received().size(), "only the accepted send is recorded");
    }

    private HttpResponse<String> send(SmsGatewayStandIn sms, String authorization, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sms.url()))
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((LocalInfrastructure.SMS_USER + ":"
                + LocalInfrastructure.SMS_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
