package org.candor.portal.channel;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where channels are kept. */
public interface ChannelRepository {

    void add(Channel channel);

    Optional<Channel> find(UUID id);

    Optional<Channel> findBySlug(String slug);

    /** The channels offered to whistleblowers, in the order the administrator chose. */
    List<Channel> published();

    /** Every channel, published or not, in the order the administrator chose. */
    List<Channel> all();

    /** The position after the last channel's, for a new channel. */
    int nextPosition();
}
