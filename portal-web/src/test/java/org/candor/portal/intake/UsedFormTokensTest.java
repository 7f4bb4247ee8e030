package org.candor.portal.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.candor.portal.platform.secrets.ServerSecrets;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Used form tokens as the database keeps them: a token recorded by one instance (or before a
 * restart) is refused by another instance started afresh on the same database and secret; a
 * token whose transaction rolled back was not used; expired records are deleted.
 */
class UsedFormTokensTest {

    private static final Instant OPENED = Instant.parse("2026-11-28T10:00:00Z");
    private static final UUID CHANNEL = UUID.randomUUID();

    @TempDir
    Path dir;

    private JdbcDataSource h2;
    private ServerSecrets secrets;

    @BeforeEach
    void migrate() {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("database/candor"));
        h2.setUser("candor");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        secrets = ServerSecrets.inFolder(dir.resolve("keys"));
    }

    /** A portal instance as it starts: nothing remembered in memory. */
    private FormTokens instance(DataSource database) {
        FormTokens tokens = new FormTokens();
        tokens.secrets = secrets;
        tokens.minFillSeconds = 3;
        tokens.database = database;
        tokens.clock = Clock.fixed(OPENED, ZoneOffset.UTC);
        tokens.start();
        return tokens;
    }

    private static FormTokens.Redemption redeemAfter(FormTokens tokens, String token, Duration after) {
        tokens.clock = Clock.fixed(OPENED.plus(after), ZoneOffset.UTC);
        return tokens.redeem(token, CHANNEL);
    }

    @Test
    void aTokenRecordedBeforeARestartOrOnAnotherInstanceIsRefused() throws SQLException {
        FormTokens first = instance(h2);
        String token = first.issue(CHANNEL);
        FormTokens.Redemption accepted = redeemAfter(first, token, Duration.ofMinutes(4));
        assertEquals(FormTokens.Verdict.ACCEPTED, accepted.verdict());
        first.recordUse(accepted);
        assertEquals(FormTokens.Verdict.ALREADY_USED, redeemAfter(first, token, Duration.ofMinutes(5)).verdict(),
                "the same instance refuses it before reading the body");

        FormTokens restarted = instance(h2);
        FormTokens.Redemption again = redeemAfter(restarted, token, Duration.ofMinutes(6));
        assertEquals(FormTokens.Verdict.ACCEPTED, again.verdict(), "a fresh instance cannot know it from memory");
        assertThrows(FormTokens.AlreadyUsed.class, () -> restarted.recordUse(again),
                "the database refuses it in the case's transaction");
        assertEquals(1, rows());
    }

    @Test
    void aTokenWhoseTransactionRolledBackWasNotUsedAndOneCommittedWas() throws SQLException {
        String token;
        try (Connection transaction = h2.getConnection()) {
            transaction.setAutoCommit(false);
            FormTokens tokens = instance(sharing(transaction));
            token = tokens.issue(CHANNEL);
            FormTokens.Redemption accepted = redeemAfter(tokens, token, Duration.ofMinutes(4));
            tokens.recordUse(accepted);
            transaction.rollback(); // the case's insert failed, or the process died before the commit
        }
        assertEquals(0, rows(), "no token burnt without its case");

        FormTokens later = instance(h2);
        FormTokens.Redemption retry = redeemAfter(later, token, Duration.ofMinutes(5));
        later.recordUse(retry);
        assertEquals(1, rows(), "sent again, it is accepted and recorded once");
    }

    @Test
    void aFailedSubmissionLetsGoOfItsTokenOnThisInstance() {
        FormTokens tokens = instance(h2);
        String token = tokens.issue(CHANNEL);
        FormTokens.Redemption accepted = redeemAfter(tokens, token, Duration.ofMinutes(4));
        tokens.release(accepted);
        assertEquals(FormTokens.Verdict.ACCEPTED, redeemAfter(tokens, token, Duration.ofMinutes(5)).verdict());
    }

    @Test
    void expiredRecordsAreDeletedAndTheRestKept() throws SQLException {
        FormTokens tokens = instance(h2);
        for (int i = 0; i < 5; i++) {
            tokens.clock = Clock.fixed(OPENED, ZoneOffset.UTC);
            tokens.recordUse(redeemAfter(tokens, tokens.issue(CHANNEL), Duration.ofMinutes(4)));
        }
        assertEquals(5, rows());
        Duration expired = FormTokens.LIFETIME.plusHours(2);
        tokens.clock = Clock.fixed(OPENED.plus(expired), ZoneOffset.UTC);
        String fresh = tokens.issue(CHANNEL);
        FormTokens.Redemption accepted = redeemAfter(tokens, fresh, expired.plusMinutes(5));
        tokens.recordUse(accepted);
        assertEquals(1, rows(), "the five expired records were deleted, the new one kept");
        try (Connection c = h2.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select forget_after from used_form_token")) {
            assertTrue(r.next());
            assertEquals(0, r.getLong(1) % 3600, "only the hour is kept, not the second the form was opened");
        }
    }

    private long rows() throws SQLException {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from used_form_token")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** A data source handing out one open transaction, as the container does within a transaction. */
    private static DataSource sharing(Connection transaction) {
        Connection unclosable = (Connection) Proxy.newProxyInstance(UsedFormTokensTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) ->
                        "close".equals(method.getName()) ? null : method.invoke(transaction, args));
        return (DataSource) Proxy.newProxyInstance(UsedFormTokensTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) ->
                        "getConnection".equals(method.getName()) ? unclosable : null);
    }
}
