package io.tampon.qr.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LinkTokensTest {

    private final LinkTokens tokens = new LinkTokens("a-secret-of-at-least-thirty-two-bytes!".getBytes(
            StandardCharsets.UTF_8));

    @Test
    void aTokenIsDeterministicAndLeadsBackToItsPass() {
        UUID passId = UUID.randomUUID();
        String token = tokens.tokenFor(passId);
        assertEquals(token, tokens.tokenFor(passId), "re-processing never changes a link already sent");
        assertEquals(Optional.of(passId), tokens.passIdOf(token));
        assertEquals(43, token.length(), "16 bytes of id + 16 bytes (128 bits) of HMAC, base64url");
        assertTrue(token.matches("[A-Za-z0-9_-]+"), "safe in a URL path");
    }

    @Test
    void forgedTamperedOrMalformedTokensLeadNowhere() {
        String token = tokens.tokenFor(UUID.randomUUID());
        for (int position : new int[] {0, 20, 30, token.length() - 1}) {
            char c = token.charAt(position);
            String tampered = token.substring(0, position) + (c == 'A' ? 'B' : 'A') + token.substring(position + 1);
            assertEquals(Optional.empty(), tokens.passIdOf(tampered), "tampered at " + position);
        }
        assertEquals(Optional.empty(), tokens.passIdOf(token.substring(0, 30)));
        assertEquals(Optional.empty(), tokens.passIdOf("not base64 !"));
        LinkTokens otherSecret = new LinkTokens("another-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), otherSecret.passIdOf(token));
        assertNotEquals(token, otherSecret.tokenFor(tokens.passIdOf(token).orElseThrow()));
    }

    @Test
    void refusesAShortSecret() {
        assertThrows(IllegalArgumentException.class, () -> new LinkTokens(new byte[16]));
    }
}
