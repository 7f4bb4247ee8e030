package org.candor.portal.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Channels kept with JPA. */
@ApplicationScoped
@Transactional
public class JpaChannelRepository implements ChannelRepository {

    @PersistenceContext(unitName = "candor")
    private EntityManager em;

    @Override
    public void add(Channel channel) {
        em.persist(channel);
    }

    @Override
    public Optional<Channel> find(UUID id) {
        return Optional.ofNullable(em.find(Channel.class, id));
    }

    @Override
    public Optional<Channel> findBySlug(String slug) {
        return em.createQuery("select c from Channel c where c.slug = :slug", Channel.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<Channel> published() {
        return em.createQuery(
                        "select c from Channel c where c.published = true order by c.position, c.slug", Channel.class)
                .getResultList();
    }

    @Override
    public List<Channel> all() {
        return em.createQuery("select c from Channel c order by c.position, c.slug", Channel.class).getResultList();
    }

    @Override
    public int nextPosition() {
        Integer last = em.createQuery("select max(c.position) from Channel c", Integer.class).getSingleResult();
        return last == null ? 1 : last + 1;
    }
}
