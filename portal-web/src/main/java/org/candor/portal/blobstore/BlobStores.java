package org.candor.portal.blobstore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Picks the portal's blob store from {@code candor.blobs.store}: {@code filesystem} (the default,
 * {@link FileSystemBlobStore}) or {@code database} ({@link DatabaseBlobStore}, for several
 * instances that share nothing but PostgreSQL). Every {@code @Inject BlobStore} gets this one.
 */
@ApplicationScoped
public class BlobStores {

    @Inject
    @ConfigProperty(name = "candor.blobs.store", defaultValue = "filesystem")
    String choice;

    @Inject
    Instance<FileSystemBlobStore> files;

    @Inject
    Instance<DatabaseBlobStore> database;

    /** Refuses a misspelt choice at start rather than at the first upload. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        kind();
    }

    @Produces
    @ApplicationScoped
    SweepableBlobStore store() {
        return kind().equals("database") ? database.get() : files.get();
    }

    private String kind() {
        String kind = choice.strip().toLowerCase(Locale.ROOT);
        if (!kind.equals("filesystem") && !kind.equals("database")) {
            throw new IllegalStateException("Candor refuses to start: candor.blobs.store must be filesystem or database, not "
                    + choice.strip());
        }
        return kind;
    }
}
