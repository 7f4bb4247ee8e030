package org.candor.portal.admin.setup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.candor.portal.audit.AuditLog;
import org.candor.portal.platform.config.PortalConfig;
import org.candor.portal.platform.config.PortalRole;
import org.candor.portal.platform.persistence.SchemaMigrations;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands the first-run setup link to the operator when the portal starts and no administrator
 * exists yet.
 *
 * <p>By default the link goes straight to the process's standard output, past the server's
 * logging, so that it lands on the operator's console and in no log file, whatever logging is
 * configured. Under a service manager standard output is a journal that keeps it: there
 * {@code candor.setup.link-file} names a file (readable by the portal's user only) that receives
 * the link instead, read on the host with {@code candor setup-link}; the console then says only
 * where it is. The file is removed at the first start after the setup is done.
 */
@ApplicationScoped
public class SetupLinkAnnouncer {

    @Inject
    SchemaMigrations migrations;

    @Inject
    FirstRunSetup setup;

    @Inject
    PortalConfig config;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "candor.setup.link-file")
    Optional<String> linkFile;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) throws IOException {
        if (!config.serves(PortalRole.ADMIN)) {
            return;
        }
        migrations.migrate();
        Optional<Path> file = linkFile.filter(name -> !name.isBlank()).map(Path::of);
        Optional<String> link = setup.issueIfNeeded().map(token -> config.publicUrl() + "/setup/" + token.value());
        if (file.isEmpty()) {
            link.ifPresent(l -> announce(l, audit.fingerprint()));
        } else if (link.isPresent()) {
            writeOwnerOnly(file.get(), link.get() + "\n");
            PrintStream console = console();
            console.println("Candor has no administrator yet: the one-time setup link is in " + file.get()
                    + " (read it on this host with: candor setup-link).");
            console.println("The audit log is signed with the key of this fingerprint; write it down and keep it apart"
                    + " from this server: " + audit.fingerprint());
        } else {
            Files.deleteIfExists(file.get());
        }
    }

    /** Replaces the file in one step with one that only the portal's user can read. */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path fresh = Files.createTempFile(folder, ".setup-link", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(fresh, text, StandardCharsets.UTF_8);
            Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(fresh);
        }
    }

    private static void announce(String link, String auditFingerprint) {
        PrintStream console = console();
        console.println();
        console.println("==================================================================");
        console.println(" Candor has no administrator yet. Open this one-time link to");
        console.println(" create the first one (it works once, for 24 hours):");
        console.println();
        console.println("   " + link);
        console.println();
        console.println(" A new link is printed at each start until the setup is done.");
        console.println();
        console.println(" The audit log is signed with the key of this fingerprint. Write it");
        console.println(" down and keep it apart from this server: auditors verify with it.");
        console.println();
        console.println("   " + auditFingerprint);
        console.println("==================================================================");
        console.println();
    }

    @SuppressWarnings("resource") // standard output stays open for the life of the process
    private static PrintStream console() {
        return new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    }
}
