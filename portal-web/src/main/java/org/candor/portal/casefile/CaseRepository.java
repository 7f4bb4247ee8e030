package org.candor.portal.casefile;

import java.util.List;
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

    /** The next free item position of a case. */
    int nextPosition(UUID caseId);

    /** The cases sealed to an investigator, newest first (metadata only). */
    List<CaseFile> sealedTo(UUID staffId, int offset, int limit);

    /** The cases of some channels, newest first (metadata only). */
    List<CaseFile> ofChannels(Set<UUID> channelIds, int offset, int limit);
}
