package io.tampon.dcc.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IcaoTransliteratorTest {

    @ParameterizedTest
    @CsvSource({
            "Lefèvre-Dupont, LEFEVRE<DUPONT",
            "Musterfrau-Gößinger, MUSTERFRAU<GOESSINGER",
            "Åge, AAGE",
            "Ågesen, AAGESEN",
            "D'Artagnan, DARTAGNAN",
            "'  Jean   Marie ', JEAN<MARIE",
            "Øster Ærø, OESTER<AEROE",
            "Łukasz Żółć, LUKASZ<ZOLC",
            "Noël, NOEL",
            "Müller, MUELLER"})
    void transliteratesAsIcao9303(String name, String expected) {
        assertEquals(expected, IcaoTransliterator.transliterate(name));
    }

    @ParameterizedTest
    @CsvSource({"王小明", "Иванов", "123"})
    void keepsOnlyTheMachineReadableAlphabet(String name) {
        assertTrue(IcaoTransliterator.transliterate(name).matches("[A-Z<]*"));
    }

    @ParameterizedTest
    @CsvSource({"Abcdefghij"})
    void capsAtEightyCharacters(String tenLetters) {
        assertEquals(80, IcaoTransliterator.transliterate(tenLetters.repeat(9)).length());
    }
}
