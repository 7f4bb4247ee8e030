package org.candor.portal.admin.channels;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.candor.portal.channel.KeyStatus;
import org.candor.portal.channel.RecipientKeys;

/**
 * Recipient keys a test sets directly, so channel tests need not go through key setup. Added
 * only to the channel test's deployment, where it replaces the portal's own implementation.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
public class SettableRecipientKeys implements RecipientKeys {

    private final Map<UUID, KeyStatus> statuses = new ConcurrentHashMap<>();

    public void set(UUID staffId, KeyStatus status) {
        statuses.put(staffId, status);
    }

    @Override
    public KeyStatus statusOf(UUID staffId) {
        return statuses.getOrDefault(staffId, KeyStatus.noKey());
    }
}
