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
        return tokens.redeem(token, channel).verdict();
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
    void forgetsUsedTokensOnceTheyHaveExpired() {
        for (int i = 0; i < 1_200; i++) {
            assertEquals(FormTokens.Verdict.ACCEPTED, redeemAfter(issue(), Duration.ofMinutes(5), CHANNEL));
        }
        assertEquals(1_200, tokens.remembered(), "none has expired yet");
        Duration expired = FormTokens.LIFETIME.plusMinutes(10);
        tokens.clock = Clock.fixed(OPENED.plus(expired), ZoneOffset.UTC);
        String late = tokens.issue(CHANNEL);
        assertEquals(FormTokens.Verdict.ACCEPTED, redeemAfter(late, expired.plusMinutes(5), CHANNEL));
        assertEquals(1, tokens.remembered(), "the expired ones are swept, the new one kept");
        assertEquals(FormTokens.Verdict.ALREADY_USED, redeemAfter(late, expired.plusMinutes(6), CHANNEL),
                "a swept set still refuses a token sent twice");
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
