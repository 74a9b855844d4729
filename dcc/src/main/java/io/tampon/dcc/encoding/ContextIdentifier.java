package io.tampon.dcc.encoding;

import io.tampon.dcc.DccError;
import io.tampon.dcc.DccException;

/** The {@code HC1:} prefix of the HCERT specification (§4.1): version 1 of the health certificate encoding. */
public final class ContextIdentifier {

    public static final String HC1 = "HC1:";

    private ContextIdentifier() {
    }

    public static String add(String base45) {
        return HC1 + base45;
    }

    /** Removes the prefix; anything else (e.g. {@code HC2:}) is refused rather than guessed. */
    public static String strip(String text) {
        if (text == null || !text.startsWith(HC1)) {
            throw new DccException(DccError.UNSUPPORTED_PREFIX, "expected the context identifier " + HC1);
        }
        return text.substring(HC1.length());
    }
}
