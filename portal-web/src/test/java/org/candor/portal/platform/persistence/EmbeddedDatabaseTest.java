package org.candor.portal.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTest {

    @Test
    void theDatabaseLivesInTheDataFoldersDatabaseFolder() {
        assertEquals("jdbc:h2:file:/var/lib/candor/database/candor", EmbeddedDatabase.url(Path.of("/var/lib/candor")));
    }

    @Test
    void aRelativeDataFolderIsMadeAbsolute() {
        assertEquals("jdbc:h2:file:" + Path.of("candor-data").toAbsolutePath().resolve("database/candor"),
                EmbeddedDatabase.url(Path.of("candor-data")));
    }
}
