package org.candor.portal.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionTokensTest {

    private static final String TOKEN = "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c";

    @Test
    void theTokenIsComparedWhole() {
        assertTrue(SessionTokens.equal(TOKEN, TOKEN));
        assertFalse(SessionTokens.equal(TOKEN, TOKEN.substring(1)));
        assertFalse(SessionTokens.equal(TOKEN, TOKEN + "x"));
        assertFalse(SessionTokens.equal(TOKEN, ""));
        assertFalse(SessionTokens.equal(TOKEN, TOKEN.replace('q', 'Q')));
    }

    @Test
    void theTokenIsFoundAmongTheFirstFieldsOfAUrlEncodedForm() {
        assertEquals(Optional.of(TOKEN), SessionTokenFilter.fromBody("application/x-www-form-urlencoded",
                bytes("_token=" + TOKEN + "&name=a%26b")));
        assertEquals(Optional.of(TOKEN), SessionTokenFilter.fromBody("application/x-www-form-urlencoded; charset=UTF-8",
                bytes("name=x&_token=" + TOKEN)));
        assertEquals(Optional.empty(), SessionTokenFilter.fromBody("application/x-www-form-urlencoded",
                bytes("name=x&x_token=" + TOKEN)));
        assertEquals(Optional.empty(), SessionTokenFilter.fromBody("application/x-www-form-urlencoded",
                bytes("_token=%zz")), "a malformed escape is no token, and no failure");
        assertEquals(Optional.empty(), SessionTokenFilter.fromBody(null, bytes("_token=" + TOKEN)), "no content type");
        assertEquals(Optional.empty(), SessionTokenFilter.fromBody("text/plain", bytes("_token=" + TOKEN)));
    }

    @Test
    void theTokenIsFoundInTheFirstPartOfAMultipartForm() {
        String body = "--b\r\nContent-Disposition: form-data; name=\"_token\"\r\n\r\n" + TOKEN + "\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nxyz\r\n--b--\r\n";
        assertEquals(Optional.of(TOKEN), SessionTokenFilter.fromBody("multipart/form-data; boundary=b", bytes(body)));
        assertEquals(Optional.empty(), SessionTokenFilter.fromBody("multipart/form-data; boundary=b",
                bytes(body.replace("\"_token\"", "\"other\""))));
        assertEquals(Optional.empty(), SessionTokenFilter.fromBody("multipart/form-data; boundary=b", new byte[0]));
    }

    @Test
    void onlyTheDoorsIntoASessionAndReportsGoWithoutAToken() {
        assertTrue(SessionTokenFilter.exempt("/staff/sign-in"));
        assertTrue(SessionTokenFilter.exempt("/contact"));
        assertTrue(SessionTokenFilter.exempt("/contact/browser/sign-in"));
        assertTrue(SessionTokenFilter.exempt("/report/whistle"));
        assertFalse(SessionTokenFilter.exempt("/staff/sign-out"));
        assertFalse(SessionTokenFilter.exempt("/staff/enrol"));
        assertFalse(SessionTokenFilter.exempt("/contact/messages"));
        assertFalse(SessionTokenFilter.exempt("/contact/browser/messages"));
        assertFalse(SessionTokenFilter.exempt("/admin/channels"));
        assertFalse(SessionTokenFilter.exempt("/report"));
    }

    @Test
    void everyPostFormOfASessionCarriesTheTokenAsItsFirstField() {
        Templates templates = new Templates();
        templates.start();
        StringWriter withSession = new StringWriter();
        templates.render("staff/sign-in", Map.of("lang", "en", "path", "/staff/sign-in", "languages", java.util.List.of("en"),
                "next", "/staff", "username", "", FormTokenDialect.VARIABLE, TOKEN), Locale.ENGLISH, withSession);
        assertTrue(withSession.toString().matches("(?s).*<form[^>]*method=\"post\"[^>]*>\\s*<input type=\"hidden\" name=\"_token\" value=\""
                + TOKEN + "\"\\s*/?>.*"), withSession.toString());
        StringWriter without = new StringWriter();
        templates.render("staff/sign-in", Map.of("lang", "en", "path", "/staff/sign-in", "languages", java.util.List.of("en"),
                "next", "/staff", "username", ""), Locale.ENGLISH, without);
        assertFalse(without.toString().contains("_token"), "no session, no token");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
