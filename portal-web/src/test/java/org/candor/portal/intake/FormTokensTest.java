package org.candor.portal.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.candor.portal.platform.secrets.ServerSecrets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormTokensTest {

    private static final Instant OPENED = Instant.parse("2026-11-28T10:00:00Z");
    private static final UUID CHANNEL = UUID.randomUUID();

    @TempDir
    Path dir;

    private FormTokens tokens;

    @BeforeEach
    void start() {
        ServerSecrets secrets = ServerSecrets.inFolder(dir);
        tokens = new FormTokens();
        tokens.secrets = secrets;
        tokens.minFillSeconds = 3;
        tokens.start();
    }

    private FormTokens.Verdict redeemAfter(String token, Duration after, UUID channel) {
        tokens.clock = Clock.fixed(OPENED.plus(after), ZoneOffset.UTC);
        return tokens.redeem(token, channel);
    }

    private String issue() {
        tokens.clock = Clock.fixed(OPENED, ZoneOffset.UTC);
        return tokens.issue(CHANNEL);
    }

    @Test
    void acceptsAFormFilledInLikeAPersonWouldOnce() {
        String token = issue();
        assertEquals(FormTokens.Verdict.ACCEPTED, redeemAfter(token, Duration.ofMinutes(4), CHANNEL));
        assertEquals(FormTokens.Verdict.ALREADY_USED, redeemAfter(token, Duration.ofMinutes(5), CHANNEL));
    }

    @Test
    void refusesAFormSentWithinSecondsOfOpeningButLetsItBeSentLater() {
        String token = issue();
        assertEquals(FormTokens.Verdict.TOO_QUICK, redeemAfter(token, Duration.ofSeconds(2), CHANNEL));
        assertEquals(FormTokens.Verdict.ACCEPTED, redeemAfter(token, Duration.ofSeconds(3), CHANNEL));
    }

    @Test
    void refusesOldForeignOtherChannelsAndAlteredTokens() {
        String token = issue();
        assertEquals(FormTokens.Verdict.EXPIRED_OR_FOREIGN, redeemAfter(token, Duration.ofHours(13), CHANNEL));
        assertEquals(FormTokens.Verdict.EXPIRED_OR_FOREIGN, redeemAfter(token, Duration.ofMinutes(4), UUID.randomUUID()));
        char[] altered = token.toCharArray();
        altered[10] = altered[10] == 'A' ? 'B' : 'A';
        assertEquals(FormTokens.Verdict.EXPIRED_OR_FOREIGN, redeemAfter(new String(altered), Duration.ofMinutes(4), CHANNEL));
        assertEquals(FormTokens.Verdict.EXPIRED_OR_FOREIGN, redeemAfter("", Duration.ofMinutes(4), CHANNEL));
        assertEquals(FormTokens.Verdict.EXPIRED_OR_FOREIGN, redeemAfter("%%%not base64", Duration.ofMinutes(4), CHANNEL));
    }
}
