package io.tampon.qr.page;

import io.tampon.dcc.qr.QrRenderer;
import io.tampon.qr.config.QrProperties;
import io.tampon.qr.issuing.PassRepository;
import io.tampon.qr.issuing.StoredPass;
import io.tampon.qr.link.LinkTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /p/{token}} (the page) and {@code /p/{token}/qr.png}. An unknown, forged or expired token gets the same
 * plain 404; each client address is rate-limited so tokens cannot be enumerated.
 */
@RestController
class PatientPageController {

    private final LinkTokens tokens;
    private final PassRepository passes;
    private final ClientRateLimiter limiter;
    private final Clock clock;
    private final QrRenderer svg = new QrRenderer();
    private final int moduleSize;

    PatientPageController(LinkTokens tokens, PassRepository passes, QrProperties properties, Clock clock) {
        this.tokens = tokens;
        this.passes = passes;
        this.limiter = new ClientRateLimiter(properties.pageRequestsPerMinute(), System::nanoTime);
        this.moduleSize = properties.moduleSize();
        this.clock = clock;
    }

    @GetMapping(value = "/p/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String token, @RequestParam(required = false) String lang,
                                HttpServletRequest request) {
        if (!limiter.tryAcquire(request.getRemoteAddr())) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60")
                    .contentType(MediaType.TEXT_HTML).body(PatientPage.notFound(PatientPage.language(lang, null)));
        }
        Optional<StoredPass> pass = find(token);
        if (pass.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML)
                    .body(PatientPage.notFound(PatientPage.language(lang, null)));
        }
        String language = PatientPage.language(lang, pass.get().language());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.TEXT_HTML)
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
                .body(PatientPage.render(pass.get(), token, language,
                        PatientPage.displayWidth(pass.get().qrPng(), moduleSize)));
    }

    @GetMapping(value = "/p/{token}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qrPng(@PathVariable String token, HttpServletRequest request) {
        if (!limiter.tryAcquire(request.getRemoteAddr())) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60").build();
        }
        return find(token).map(pass -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                        .contentType(MediaType.IMAGE_PNG).body(pass.qrPng()))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    @GetMapping(value = "/p/{token}/qr.svg", produces = "image/svg+xml")
    ResponseEntity<String> qrSvg(@PathVariable String token, HttpServletRequest request) {
        if (!limiter.tryAcquire(request.getRemoteAddr())) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60").build();
        }
        return find(token).map(pass -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                        .contentType(MediaType.parseMediaType("image/svg+xml")).body(svg.svg(pass.hc1())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    @GetMapping(value = "/p/{token}/pass.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable String token, @RequestParam(required = false) String lang,
                               HttpServletRequest request) {
        if (!limiter.tryAcquire(request.getRemoteAddr())) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60").build();
        }
        return find(token).map(pass -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                        .contentType(MediaType.APPLICATION_PDF)
                        .header("Content-Disposition", "attachment; filename=\"pass.pdf\"")
                        .body(PassPdf.render(pass, PatientPage.facts(pass, PatientPage.language(lang,
                                pass.language())))))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    private Optional<StoredPass> find(String token) {
        return tokens.passIdOf(token).flatMap(passes::find)
                .filter(pass -> pass.expiresAt() == null || pass.expiresAt().isAfter(clock.instant()));
    }
}
