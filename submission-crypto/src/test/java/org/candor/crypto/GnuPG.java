package org.candor.crypto;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs the gpg command line against a fresh, temporary home directory (never the user's keyring). */
final class GnuPG implements AutoCloseable {

    final Path home;

    GnuPG() throws IOException {
        home = Files.createTempDirectory("gpg");
        home.toFile().setReadable(false, false);
        home.toFile().setReadable(true, true);
        home.toFile().setExecutable(true, true);
        home.toFile().setWritable(true, true);
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("gpg", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs gpg with the given arguments and standard input; returns standard output, or fails with stderr. */
    byte[] run(byte[] stdin, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch", "--yes",
                "--no-tty", "--pinentry-mode", "loopback", "--trust-model", "always"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        File err = home.resolve("stderr.txt").toFile();
        builder.redirectError(err);
        Process process = builder.start();
        Thread feeder = new Thread(() -> {
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            } catch (IOException ignored) {
                // gpg may close its input early; its exit code tells
            }
        });
        feeder.start();
        byte[] out = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("gpg timed out");
            }
            feeder.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("gpg " + args[0] + " failed (rc=" + process.exitValue() + "): "
                    + Files.readString(err.toPath(), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Standard error of the last command. */
    String lastStderr() throws IOException {
        return Files.readString(home.resolve("stderr.txt"), StandardCharsets.UTF_8);
    }

    String runText(String... args) throws IOException {
        return new String(run(null, args), StandardCharsets.UTF_8);
    }

    /** The fingerprint of the only (or first) key in the keyring with a secret part, or public if none. */
    String fingerprint(String selector) throws IOException {
        for (String line : runText("--with-colons", "--fingerprint", selector).split("\n")) {
            if (line.startsWith("fpr:")) {
                return line.split(":")[9];
            }
        }
        throw new IOException("no fingerprint for " + selector);
    }

    @Override
    public void close() throws IOException {
        try {
            new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "gpg-agent")
                    .redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException ignored) {
            // the agent exits by itself when its socket disappears
        }
        try (Stream<Path> paths = Files.walk(home)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
