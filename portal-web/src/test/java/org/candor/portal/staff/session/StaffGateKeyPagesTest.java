package org.candor.portal.staff.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one exception to "/desk is for investigators": the key pages, which oversight members use too. */
class StaffGateKeyPagesTest {

    @Test
    void theKeyPagesAreOpenToOversight() {
        for (String path : List.of("/desk/key", "/desk/key/setup", "/desk/key/generate", "/desk/key/import",
                "/desk/key/unlock", "/desk/key/lock", "/desk/key/passphrase", "/desk/key/public.asc")) {
            assertTrue(StaffGate.isKeyPage(path), path);
        }
    }

    @Test
    void nothingElseUnderTheDeskIsEvenWithDotSegmentsOrLookalikes() {
        for (String path : List.of("/desk", "/desk/cases", "/desk/key/../cases", "/desk/key/%2e%2e/cases",
                "/desk/key/unlock/../../cases/x", "/desk/keys", "/desk/key/", "/desk/key;x=1", "/desk/key/unlock;/x",
                "/desk/key/publicXasc", "/desk//key", "/oversight/desk/key", "/desk/search")) {
            assertFalse(StaffGate.isKeyPage(path), path);
        }
    }
}
