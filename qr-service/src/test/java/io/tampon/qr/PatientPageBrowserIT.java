package io.tampon.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tampon.contracts.Topics;
import io.tampon.contracts.events.PassIssued;
import io.tampon.contracts.events.PassSigned;
import io.tampon.dcc.qr.QrReader;
import io.tampon.infra.LocalInfrastructure;
import io.tampon.infra.junit.LocalInfraTest;
import io.tampon.infra.kafka.KafkaTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/** The patient page in a real headless Chromium (Debian's), as a patient's phone would show it. */
@LocalInfraTest
class PatientPageBrowserIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path profile;

    @Test
    void thePageShowsAScannableQrOffersThePdfAndAWrongTokenGets404(LocalInfrastructure infra) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (see src/test/browser/ensure-chromium.sh)");
        UUID resultId = UUID.randomUUID();
        PassSigned signed = QrServiceITSupport.signedPass(resultId);
        try (KafkaTestClient kafka = new KafkaTestClient(infra.kafkaBootstrapServers());
             ConfigurableApplicationContext service = new SpringApplicationBuilder(QrApplication.class)
                     .run(infra.serviceArguments(Map.of(
                             "spring.kafka.consumer.group-id", "it-qr-browser-" + UUID.randomUUID(),
                             "tampon.qr.link-secret", "integration-test-link-secret-32-bytes!!")))) {
            kafka.send(Topics.PASSES_SIGNED.name(), null, resultId.toString(), JSON.writeValueAsBytes(signed));
            PassIssued issued = JSON.readValue(kafka.readUntil(Topics.PASSES_ISSUED.name(),
                    r -> r.key().equals(resultId.toString()), found -> !found.isEmpty(), Duration.ofSeconds(90))
                    .get(0).value(), PassIssued.class);
            String base = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");

            ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options());
            try {
                browser.get(base + "/p/" + issued.linkToken());
                assertEquals("Votre certificat de test COVID-19", browser.getTitle());
                var image = browser.findElement(By.tagName("img"));
                Number naturalWidth = (Number) ((JavascriptExecutor) browser)
                        .executeScript("return arguments[0].naturalWidth", image);
                assertTrue(naturalWidth.intValue() > 300, "the QR image loaded: " + naturalWidth);
                // A phone-like 2x screen: the page shows the code at whole device pixels per module.
                byte[] screenshot = image.getScreenshotAs(OutputType.BYTES);
                assertEquals(signed.hc1(), QrReader.read(screenshot), "the QR on screen scans to the pass");
                byte[] served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        base + image.getDomAttribute("src"))).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
                assertEquals(signed.hc1(), QrReader.read(served), "the served PNG scans to the pass");

                String pdfHref = browser.findElement(By.cssSelector("a[href*='pass.pdf']")).getDomAttribute("href");
                byte[] pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + pdfHref))
                        .build(), HttpResponse.BodyHandlers.ofByteArray()).body();
                try (PDDocument document = Loader.loadPDF(pdf)) {
                    assertEquals(1, document.getNumberOfPages());
                }

                browser.findElement(By.cssSelector("a[lang='en']")).click();
                assertEquals("Your COVID-19 test certificate", browser.getTitle());

                browser.get(base + "/p/" + issued.linkToken().substring(0, 20) + "AAAAAAAAAAAAAAAAAAAAAAA");
                assertTrue(browser.getPageSource().contains("404"), browser.getPageSource());
            } finally {
                browser.quit();
            }
        }
    }

    private ChromeOptions options() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=412,915", "--force-device-scale-factor=2", "--user-data-dir=" + profile);
        return options;
    }
}
