package org.candor.portal.casefile;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.candor.crypto.LookupHandle;

/** Where cases and their items are kept. */
public interface CaseRepository {

    void add(CaseFile caseFile);

    void addItem(CaseItem item);

    Optional<CaseFile> find(UUID id);

    /**
     * The case, locked until the transaction ends: whoever changes what a case is sealed to, or
     * adds items sealed to its investigators, takes this lock first, so the two never interleave.
     */
    Optional<CaseFile> findForUpdate(UUID id);

    /** The case a reply code's lookup handle names, if any. */
    Optional<CaseFile> findByHandle(LookupHandle handle);

    /** The items of a case, in order. */
    List<CaseItem> items(UUID caseId);

    /**
     * Many cases at once, with their recipients, for work over a batch of cases (the desk's
     * search index): those of {@code ids} that exist, in no particular order.
     */
    List<CaseFile> findAll(Collection<UUID> ids);

    /** The items of many cases at once: by case, each case's in order; a case without items is absent. */
    Map<UUID, List<CaseItem>> itemsOf(Collection<UUID> caseIds);

    /** The next free item position of a case. */
    int nextPosition(UUID caseId);

    /** The cases sealed to an investigator, newest first (metadata only). */
    List<CaseFile> sealedTo(UUID staffId, int offset, int limit);

    /** The cases of some channels, newest first (metadata only). */
    List<CaseFile> ofChannels(Set<UUID> channelIds, int offset, int limit);
}
