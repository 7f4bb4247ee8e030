package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.candor.portal.it.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the data directory tells a local reader besides ciphertext (docs/design.md property 6), with the
 * bundle started as a careless service unit would start it: with a umask of 022, in a data
 * directory left open to everyone. After a report with a file is sent, every file under the data
 * directory (database, blobs, index, keys) is readable by the portal's user only, every folder is
 * 0700, and no blob or blob folder carries the moment the report arrived as its modification or
 * access time, only the start of the UTC day.
 */
class DataAtRestIT {

    private static final char[] PASSPHRASE = "investigator passphrase".toCharArray();
    private static final String SLUG = "waste";

    @TempDir
    static Path work;

    private static RunningPortal portal;
    private static Person person;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(data());
        Files.setPosixFilePermissions(data(), PosixFilePermissions.fromString("rwxr-xr-x"));
        RunningPortal.startWithUmask(data(), temp(), "022").close(); // creates the schema
        Seed seed = Seed.into(RunningPortal.databaseUrl(data()));
        Seed.Investigator investigator = seed.addInvestigator("ida", "a long sign-in password", PASSPHRASE);
        seed.addPublishedChannel(SLUG, Seed.sampleQuestionnaire(1024 * 1024), true, 1024 * 1024, investigator.id());
        Files.setPosixFilePermissions(data(), PosixFilePermissions.fromString("rwxr-xr-x"));
        portal = RunningPortal.startWithUmask(data(), temp(), "022");
        person = Person.withoutJavaScript(work, "browser");
    }

    @AfterAll
    static void stop() throws Exception {
        if (person != null) {
            person.quit();
        }
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void afterAReportWithAFileNothingInTheDataDirectoryIsOpenToOthersOrTellsTheArrivalTime() throws Exception {
        Path ledger = Files.writeString(work.resolve("ledger.csv"), "amount\n1\n2\n");
        person.browser().get(portal.url("/report/" + SLUG).toString());
        person.fill("what", "The account was emptied.");
        person.click(By.cssSelector("input[name=when][value=yes]"));
        person.attach("evidence", ledger);
        TimeUnit.SECONDS.sleep(3); // the portal refuses forms sent faster than a person fills them in
        Thread.sleep(1100 - Instant.now().toEpochMilli() % 1000); // the arrival is then not on a whole second
        person.click(By.cssSelector("button[type=submit]"));
        new WebDriverWait(person.browser(), Duration.ofSeconds(120)) // longer than a page: the file is sealed first
                .until(ExpectedConditions.textToBe(By.tagName("h1"), "Your report was received"));
        Instant arrived = Instant.now();

        List<String> open = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(data())) {
            for (Path path : paths.toList()) {
                if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                    continue; // a temporary file of the database went away while we walked
                }
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
                boolean folder = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
                files += folder ? 0 : 1;
                if (folder ? !mode.equals(PosixFilePermissions.fromString("rwx------"))
                        : !PosixFilePermissions.fromString("rw-------").containsAll(mode)) {
                    open.add(data().relativize(path) + " " + PosixFilePermissions.toString(mode));
                }
            }
        }
        assertTrue(files >= 4, "the walk saw the database, the two blobs and the server secrets: " + files);
        assertEquals(List.of(), open, "files and folders another local user could read");

        Set<FileTime> days = new HashSet<>(List.of(FileTime.from(arrived.truncatedTo(ChronoUnit.DAYS)),
                FileTime.from(arrived.minusSeconds(300).truncatedTo(ChronoUnit.DAYS))));
        portal.close(); // the embedded database opens in one process at a time; stopping touches no blob
        portal = null;
        List<String> blobs = blobIds();
        assertEquals(2, blobs.size(), "the report and its file");
        for (String id : blobs) {
            Path blob = RunningPortal.blob(data(), id);
            for (Path path : List.of(blob, blob.getParent(), data().resolve("blobs").resolve("pending"), data().resolve("blobs"))) {
                FileTime modified = Files.getLastModifiedTime(path);
                FileTime accessed = (FileTime) Files.getAttribute(path, "lastAccessTime");
                assertTrue(days.contains(modified), data().relativize(path) + " modified " + modified);
                assertTrue(days.contains(accessed) || Files.isDirectory(path), // listing a folder moves its atime
                        data().relativize(path) + " accessed " + accessed);
            }
        }
    }

    /** The blob ids of every case item, read once the portal has stopped (this connection's own files are not the portal's). */
    private static List<String> blobIds() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(RunningPortal.databaseUrl(data()));
             PreparedStatement s = c.prepareStatement("select blob_id from case_item");
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static Path data() {
        return work.resolve("data");
    }

    private static Path temp() {
        return work.resolve("tmp");
    }
}
