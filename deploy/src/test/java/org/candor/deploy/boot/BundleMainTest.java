package org.candor.deploy.boot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runtime folder the launcher gives Payara Micro, so that a start prints no warning about it. */
class BundleMainTest {

    @Test
    void aRuntimeFolderOnTheCommandLineIsKept() throws Exception {
        String[] given = {"--port", "9090", "--rootDir", "/srv/runtime"};
        assertArrayEquals(given, BundleMain.withRuntimeFolder(given, Map.of("RUNTIME_DIRECTORY", "/run/other")));
        String[] joined = {"--rootdir=/srv/runtime"};
        assertArrayEquals(joined, BundleMain.withRuntimeFolder(joined, Map.of()));
    }

    @Test
    void theServiceManagersRuntimeFolderIsUsedWhenThereIsOne() throws Exception {
        String[] arguments = BundleMain.withRuntimeFolder(new String[] {"--port", "9090"},
                Map.of("RUNTIME_DIRECTORY", "/run/candor-desk:/run/other"));
        assertArrayEquals(new String[] {"--port", "9090", "--rootDir", "/run/candor-desk"}, arguments);
    }

    @Test
    void otherwiseAFreshOwnerOnlyFolderInTheTemporaryFolder() throws Exception {
        String[] arguments = BundleMain.withRuntimeFolder(new String[] {"--port", "9090"}, Map.of());
        assertEquals(4, arguments.length, Arrays.toString(arguments));
        assertEquals("--rootDir", arguments[2]);
        Path folder = Path.of(arguments[3]);
        try {
            assertEquals(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath(), folder.getParent().toAbsolutePath());
            assertTrue(folder.getFileName().toString().startsWith("candor-runtime-"), folder.toString());
            try (var entries = Files.list(folder)) {
                assertEquals(0, entries.count(), "Payara Micro unpacks its runtime into an empty folder");
            }
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        } finally {
            Files.deleteIfExists(folder);
        }
    }
}
