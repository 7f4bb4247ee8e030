package org.candor.portal.platform.runtime;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes the Payara Micro runtimes that killed portal processes left in the temporary folder
 * (docs/design.md property 11: a process killed at any moment leaves nothing behind after the next
 * start). At each start Payara Micro unpacks its runtime and configuration into a fresh folder in
 * {@code java.io.tmpdir}: {@code candor-runtime-<digits>}, which the bundle's launcher makes and
 * names with {@code --rootDir}, or {@code payaramicro-rt<digits>tmp} when Payara Micro makes it
 * itself. Beside it lies a copy of the application
 * ({@code app<digits>tmp}, which the folder's {@code config/domain.xml} names), about 280 MB
 * together, and removes them only when the JVM exits normally.
 *
 * <p>The rule: each portal marks its own runtime folder with a file it holds an exclusive lock on
 * for as long as it runs (the kernel drops the lock when the process dies, however it dies). At
 * start, a sibling runtime folder is removed only if it carries that mark and the mark can be
 * locked, that is, its portal is dead. A folder without the mark is left alone: it may belong to
 * a portal still starting, or to another program. A runtime unpacked to a folder chosen with
 * {@code --rootDir} or {@code --unpackDir} under another name is never swept.
 */
@ApplicationScoped
public class StaleRuntimes {

    /** The file that marks a runtime folder as a portal's, locked while that portal runs. */
    static final String MARK = "candor-runtime.lock";
    /**
     * The runtime folders made in the temporary folder: by the bundle's launcher
     * (Files.createTempDirectory("candor-runtime-")) or by Payara Micro itself
     * (File.createTempFile("payaramicro-rt", "tmp")).
     */
    static final Pattern RUNTIME = Pattern.compile("candor-runtime-\\d+|payaramicro-rt\\d+tmp");
    /** How a runtime's configuration names the copy of the application it deployed. */
    private static final Pattern APPLICATION = Pattern.compile("name=\"defaultAppName\" value=\"(app\\d+tmp)\"");
    private static final Logger LOG = Logger.getLogger(StaleRuntimes.class.getName());

    private FileChannel mark;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (mark != null) {
            return; // the container may announce the application's start more than once
        }
        String unpacked = System.getProperty("fish.payara.micro.tmpdir");
        if (unpacked == null) {
            return; // not run from Payara Micro's bundle
        }
        Path own = Path.of(unpacked).toAbsolutePath();
        if (!RUNTIME.matcher(own.getFileName().toString()).matches() || own.getParent() == null) {
            return; // a folder the operator chose: reused at each start
        }
        try {
            mark = markAsLive(own);
        } catch (OverlappingFileLockException alreadyOurs) {
            return; // this process marked the folder already, at an earlier start event
        } catch (IOException e) {
            LOG.log(Level.WARNING, "the runtime folder could not be marked; stale runtimes are not removed", e);
            return;
        }
        Thread sweeper = new Thread(() -> {
            int removed = removeStale(own.getParent(), own);
            LOG.info(() -> "Removed " + removed + " runtime folders left by stopped portals");
        }, "candor-stale-runtimes");
        sweeper.setDaemon(true);
        sweeper.start();
    }

    @PreDestroy
    void stop() {
        try {
            if (mark != null) {
                mark.close();
            }
        } catch (IOException ignored) {
            // the lock goes with the process
        }
    }

    /** Marks a runtime folder as belonging to this live process; the returned channel holds the lock. */
    static FileChannel markAsLive(Path runtime) throws IOException {
        FileChannel channel = FileChannel.open(runtime.resolve(MARK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (channel.tryLock() == null) {
                throw new IOException("the runtime folder is held by another process");
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Removes the marked runtime folders in {@code parent} whose portals are dead, except {@code own}; returns how many. */
    static int removeStale(Path parent, Path own) {
        List<Path> candidates;
        try (Stream<Path> folders = Files.list(parent)) {
            candidates = folders.filter(p -> RUNTIME.matcher(p.getFileName().toString()).matches())
                    .filter(p -> !p.equals(own)).filter(Files::isDirectory).toList();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "the temporary folder could not be listed", e);
            return 0;
        }
        int removed = 0;
        for (Path folder : candidates) {
            try {
                if (removeIfDead(folder)) {
                    removed++;
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "a stale runtime folder could not be removed whole", e);
            }
        }
        return removed;
    }

    /** The copy of the application a runtime folder deployed, which lies beside it. */
    private static Optional<Path> applicationCopy(Path runtime) {
        try {
            Matcher named = APPLICATION.matcher(Files.readString(runtime.resolve("config").resolve("domain.xml")));
            if (named.find()) {
                Path copy = runtime.resolveSibling(named.group(1));
                return Files.isRegularFile(copy) ? Optional.of(copy) : Optional.empty();
            }
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            // no configuration written yet: nothing was copied
        }
        return Optional.empty();
    }

    private static boolean removeIfDead(Path folder) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(folder.resolve(MARK), StandardOpenOption.WRITE);
        } catch (NoSuchFileException unmarked) {
            return false;
        }
        try (channel) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException thisProcess) {
                return false;
            }
            if (lock == null) {
                return false; // its portal runs
            }
            Optional<Path> application = applicationCopy(folder);
            try (Stream<Path> tree = Files.walk(folder)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
            if (application.isPresent()) {
                Files.deleteIfExists(application.get());
            }
            return true;
        }
    }
}
