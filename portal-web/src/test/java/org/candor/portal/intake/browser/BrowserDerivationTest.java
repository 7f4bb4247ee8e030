package org.candor.portal.intake.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.candor.crypto.Pepper;
import org.candor.crypto.PreHandle;
import org.candor.crypto.ReplyCode;
import org.candor.crypto.ReplyCodeDerivation;
import org.junit.jupiter.api.Test;

/**
 * The server's half of the browser path meets the published test vector (docs/protocol.md,
 * "Test vector"): the pre-handle a browser sends turns into the same handle as the code typed
 * without JavaScript, and the browser module carries the same vector it checks itself against.
 */
class BrowserDerivationTest {

    private static final String CODE = "CAND-R0TE-STVE-CT0R-1234-5678-9069";
    private static final String PRE_HANDLE = "UtUElChEMoX2pJvRJ4aMYkWomBYsZl5HdgSvt5ilJss";
    private static final String LOCK_SECRET = "b6f173ec03d65a58e762f20e11c5605f60a03bbe9ab3fdfd7f47966ddf2b725c";
    private static final String PEPPER = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private static final String HANDLE = "a26476c67ff0c8874748024048bd71cd4887dbd4eb8843c0546dbdfa009b46fb";

    @Test
    void aPreHandleFromTheBrowserGivesThePublishedHandle() throws Exception {
        try (Pepper pepper = Pepper.fromBytes(HexFormat.of().parseHex(PEPPER)); ReplyCode code = ReplyCode.parse(CODE)) {
            PreHandle fromBrowser = PreHandle.fromBase64Url(PRE_HANDLE);
            assertEquals(ReplyCodeDerivation.preHandle(code), fromBrowser);
            assertEquals(HANDLE, pepper.handle(fromBrowser).toHex());
            assertEquals(pepper.handle(code).toHex(), pepper.handle(fromBrowser).toHex());
        }
    }

    @Test
    void theBrowserModuleChecksItselfAgainstTheSameVector() throws Exception {
        String module = Files.readString(Path.of("src/main/resources/static/sealing.mjs"), StandardCharsets.UTF_8);
        assertTrue(module.contains("'" + CODE.replace("-", "") + "'"));
        assertTrue(module.contains("'" + PRE_HANDLE + "'"));
        assertTrue(module.contains("'" + LOCK_SECRET + "'"));
        assertTrue(module.contains("'candor/reply-code/v1'") && module.contains("'candor/pre-handle/v1'")
                && module.contains("'candor/lock-secret/v1'"));
    }
}
