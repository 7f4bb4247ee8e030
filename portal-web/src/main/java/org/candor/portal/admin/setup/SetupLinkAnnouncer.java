package org.candor.portal.admin.setup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.candor.portal.audit.AuditLog;
import org.candor.portal.platform.config.PortalConfig;
import org.candor.portal.platform.config.PortalRole;
import org.candor.portal.platform.persistence.SchemaMigrations;

/**
 * Prints the first-run setup link when the portal starts and no administrator exists yet.
 *
 * <p>The link goes straight to the process's standard output, past the server's logging, so
 * that it lands on the operator's console and in no log file, whatever logging is configured.
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

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (!config.serves(PortalRole.ADMIN)) {
            return;
        }
        migrations.migrate();
        setup.issueIfNeeded().ifPresent(token -> announce(config.publicUrl() + "/setup/" + token.value(), audit.fingerprint()));
    }

    private static void announce(String link, String auditFingerprint) {
        @SuppressWarnings("resource") // standard output stays open for the life of the process
        PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
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
}
