package io.tampon.dcc.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UvciTest {

    /** UVCIs from the official EU test vectors whose issuers computed the check character. */
    @ParameterizedTest
    @ValueSource(strings = {
            "URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813#B",
            "URN:UVCI:01:DK:B19D10B4E18551559EBDEE46248DA883#S",
            "URN:UVCI:01:FR:GGD81AAH16A5#W",
            "URN:UVCI:01:GR:7UXL2ZTSS6KUZAF2XAAA3A4C4I#E",
            "URN:UVCI:01:LT:52XS0XYHKD042D66RJJRT#I",
            "URN:UVCI:01:SI:C5E8734F3DF9B66CE053#D"})
    void acceptsTheCheckCharactersOfOfficialVectors(String uvci) {
        assertTrue(Uvci.hasValidCheck(uvci));
    }

    @Test
    void detectsASingleChangedCharacter() {
        assertFalse(Uvci.hasValidCheck("URN:UVCI:01:FR:GGD81AAH16A6#W"));
        assertFalse(Uvci.hasValidCheck("URN:UVCI:01:FR:GGD81AAH16A5#X"));
        assertFalse(Uvci.hasValidCheck("URN:UVCI:01:FR:GGD81AAH16A5"));
    }

    @Test
    void isDerivedFromTheResultIdSoReprocessingGivesTheSameIdentifier() {
        UUID resultId = UUID.fromString("0b3b9a2e-8e6a-4c59-9d5a-1f0d3c7e9b21");
        String first = Uvci.forResult("FR", "TPN", resultId);
        assertEquals(first, Uvci.forResult("FR", "TPN", resultId));
        assertTrue(first.startsWith("URN:UVCI:01:FR:TPN"), first);
        assertTrue(first.length() <= 80, "the schema caps ci at 80 characters");
        assertTrue(Uvci.hasValidCheck(first), first);
        assertFalse(first.equals(Uvci.forResult("FR", "TPN", UUID.randomUUID())));
    }
}
