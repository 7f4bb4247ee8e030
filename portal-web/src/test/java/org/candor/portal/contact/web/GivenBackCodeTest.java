package org.candor.portal.contact.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the sign-in page gives back after a typo: what the field could hold, nothing more. */
class GivenBackCodeTest {

    @Test
    void aTypedCodeComesBackOnlyIfTheFieldCouldHoldIt() {
        String typo = "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345";
        assertEquals(typo, ContactPages.givenBack(typo));
        assertEquals("", ContactPages.givenBack(null));
        assertEquals("x".repeat(ContactPages.MOST_TYPED), ContactPages.givenBack("x".repeat(ContactPages.MOST_TYPED)));
        assertEquals("", ContactPages.givenBack("x".repeat(2 << 20)), "a stuffed body is not echoed back");
    }

    @Test
    void theLimitIsTheFieldsOwn() throws Exception {
        String page = Files.readString(Path.of("src/main/resources/templates/public/contact/sign-in.html"));
        assertTrue(page.contains("maxlength=\"" + ContactPages.MOST_TYPED + "\""), "the code field's maxlength");
    }
}
