package org.candor.portal.governance.transparency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipFile;

/**
 * The SHA-256 of the bundle file this portal runs from, computed once when the application
 * starts, for the public transparency page: anyone can build the same release from its source
 * (the build is reproducible) and compare the digest of their {@code candor.jar} with it
 * (docs/operations.md, "Supply chain").
 *
 * <p>The digest is of the file the Java process was started with ({@code java -jar candor.jar}),
 * and only when that file is a Candor bundle (a Payara Micro jar that carries the portal as
 * {@code MICRO-INF/deploy/ROOT.war}); a portal started any other way (a WAR deployed by hand, the
 * integration tests) shows none rather than the digest of something else. It cannot be embedded
 * at build time: a file cannot contain its own digest.
 */
@ApplicationScoped
public class RunningBundle {

    private static final Logger LOG = Logger.getLogger(RunningBundle.class.getName());
    private static final String PORTAL_IN_BUNDLE = "MICRO-INF/deploy/ROOT.war";

    private volatile Optional<String> sha256 = Optional.empty();

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        sha256 = bundleFile().flatMap(RunningBundle::digest);
    }

    /** The lower-case hexadecimal SHA-256 of the running bundle, if the portal runs from one. */
    public Optional<String> sha256() {
        return sha256;
    }

    /** The file {@code java -jar} was given, if it is a Candor bundle. */
    static Optional<Path> bundleFile() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.isEmpty() || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return Optional.empty();
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry(PORTAL_IN_BUNDLE) != null ? Optional.of(jar) : Optional.empty();
        } catch (IOException notAZip) {
            return Optional.empty();
        }
    }

    /** The SHA-256 of a file, read as it is on disk now. */
    static Optional<String> digest(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return Optional.of(HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            LOG.log(Level.INFO, "The running bundle could not be read, so the transparency page shows no digest: {0}",
                    e.getClass().getSimpleName());
            return Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
