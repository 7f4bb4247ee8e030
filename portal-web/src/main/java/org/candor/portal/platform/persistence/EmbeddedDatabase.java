package org.candor.portal.platform.persistence;

import java.nio.file.Path;

/**
 * Where the embedded H2 database lives in a data folder ({@code database/candor}, with its files
 * {@code candor.mv.db} and so on), as a JDBC URL. The portal itself takes the same place from
 * its default {@code candor.db.url} (META-INF/microprofile-config.properties); the tools that
 * work on a stopped installation (backup and restore, the audit verifier) build it here.
 */
public final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    /** The URL of the embedded database in a data folder (made absolute, as H2 wants), without settings. */
    public static String url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("database").resolve("candor").toAbsolutePath();
    }
}
