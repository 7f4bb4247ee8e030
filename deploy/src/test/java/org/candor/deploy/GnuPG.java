package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * GnuPG, the independent OpenPGP peer of the tests, in a home folder of its own: every command
 * runs in batch mode with the given passphrase typed through loopback pinentry, never a prompt.
 * {@link #close()} stops the agent that GnuPG started for that folder.
 */
final class GnuPG implements AutoCloseable {

    private final Path home;
    private final String passphrase;

    GnuPG(Path home, String passphrase) throws IOException {
        this.home = Files.createDirectories(home);
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        this.passphrase = passphrase;
    }

    /** Runs gpg with these arguments; returns what it printed; fails the test unless it exits with 0. */
    String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch",
                "--pinentry-mode", "loopback", "--passphrase", passphrase));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), String.join(" ", command));
        return output;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "gpg-agent").start().waitFor();
    }
}
