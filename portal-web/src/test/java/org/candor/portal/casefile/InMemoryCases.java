package org.candor.portal.casefile;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.candor.crypto.InvestigatorKey;
import org.candor.crypto.LockSecret;
import org.candor.crypto.LookupHandle;
import org.candor.crypto.ReplyCode;
import org.candor.crypto.ReplyCodeDerivation;
import org.candor.crypto.WhistleblowerKey;
import org.candor.portal.blobstore.FileSystemBlobStore;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.ChannelRepository;
import org.candor.portal.channel.KeyStatus;
import org.candor.portal.channel.RecipientKeys;

/**
 * Cases, channels, keys and blobs outside the container, wired the way CDI wires them, for unit
 * tests of the services that seal and open case items.
 */
public final class InMemoryCases implements CaseRepository {

    public final Map<UUID, CaseFile> files = new ConcurrentHashMap<>();
    public final List<CaseItem> itemRows = new ArrayList<>();
    public final Map<UUID, KeyStatus> keys = new ConcurrentHashMap<>();
    public final FileSystemBlobStore blobs;
    public final CaseStore store = new CaseStore();
    public final CaseMessages messages = new CaseMessages();

    public InMemoryCases(Path blobFolder) {
        blobs = new FileSystemBlobStore(blobFolder);
        store.cases = this;
        store.blobs = blobs;
        store.transactions = new CaseStore.Transactions();
        messages.cases = this;
        messages.store = store;
        messages.blobs = blobs;
        messages.recipientKeys = staffId -> keys.getOrDefault(staffId, new KeyStatus.NoKey());
        messages.channels = new NoChannels();
        messages.transactions = store.transactions;
    }

    /** A case whose whistleblower key is locked by {@code code}, sealed to one investigator. */
    public UUID newCase(ReplyCode code, UUID investigator, InvestigatorKey investigatorKey, LocalDate received) {
        keys.put(investigator, new KeyStatus.Usable(investigatorKey.recipient()));
        try (LockSecret secret = ReplyCodeDerivation.lockSecret(code)) {
            WhistleblowerKey key = WhistleblowerKey.generate(secret);
            UUID id = UUID.randomUUID();
            LookupHandle handle = LookupHandle.fromHex("00".repeat(16) + id.toString().replace("-", ""));
            add(new CaseFile(id, UUID.randomUUID(), handle, false, received,
                    Base64.getEncoder().encodeToString(key.toStorage()), key.fingerprint(),
                    Set.of(new CaseRecipient(investigator, investigatorKey.fingerprint()))));
            return id;
        }
    }

    public RecipientKeys recipientKeys() {
        return messages.recipientKeys;
    }

    @Override
    public void add(CaseFile caseFile) {
        files.put(caseFile.id(), caseFile);
    }

    @Override
    public synchronized void addItem(CaseItem item) {
        itemRows.add(item);
    }

    @Override
    public Optional<CaseFile> find(UUID id) {
        return Optional.ofNullable(files.get(id));
    }

    @Override
    public Optional<CaseFile> findForUpdate(UUID id) {
        return find(id);
    }

    @Override
    public Optional<CaseFile> findByHandle(LookupHandle handle) {
        return Optional.empty();
    }

    @Override
    public synchronized List<CaseItem> items(UUID caseId) {
        return itemRows.stream().filter(i -> i.caseId().equals(caseId))
                .sorted(Comparator.comparingInt(CaseItem::position)).toList();
    }

    @Override
    public List<CaseFile> findAll(Collection<UUID> ids) {
        return ids.stream().distinct().map(files::get).filter(f -> f != null).toList();
    }

    @Override
    public synchronized Map<UUID, List<CaseItem>> itemsOf(Collection<UUID> caseIds) {
        Map<UUID, List<CaseItem>> byCase = new LinkedHashMap<>();
        for (UUID id : caseIds) {
            List<CaseItem> items = items(id);
            if (!items.isEmpty()) {
                byCase.put(id, items);
            }
        }
        return byCase;
    }

    @Override
    public synchronized int nextPosition(UUID caseId) {
        return items(caseId).stream().mapToInt(CaseItem::position).max().orElse(-1) + 1;
    }

    @Override
    public List<CaseFile> sealedTo(UUID staffId, int offset, int limit) {
        return List.of();
    }

    @Override
    public List<CaseFile> ofChannels(Set<UUID> channelIds, int offset, int limit) {
        return List.of();
    }

    private static final class NoChannels implements ChannelRepository {
        private final Map<UUID, Channel> none = new HashMap<>();

        @Override
        public void add(Channel channel) {
        }

        @Override
        public Optional<Channel> find(UUID id) {
            return Optional.ofNullable(none.get(id));
        }

        @Override
        public Optional<Channel> findBySlug(String slug) {
            return Optional.empty();
        }

        @Override
        public List<Channel> published() {
            return List.of();
        }

        @Override
        public List<Channel> all() {
            return List.of();
        }

        @Override
        public int nextPosition() {
            return 1;
        }
    }
}
