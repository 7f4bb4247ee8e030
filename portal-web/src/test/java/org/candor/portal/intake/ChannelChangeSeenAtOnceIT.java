package org.candor.portal.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.candor.portal.it.Browserless;
import org.candor.portal.it.Deployments;
import org.candor.portal.it.Seed;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Instances of one installation share the database (the intake on a public host, the
 * administration on an internal one): a channel closed by another instance must stop taking
 * reports on this one at once, not when a cache of this instance happens to forget it. The
 * other instance is stood in for by a change made straight in the database.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChannelChangeSeenAtOnceIT {

    @ArquillianResource
    URL deployed;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portal();
    }

    @Test
    void aChannelClosedByAnotherInstanceStopsTakingReportsAtOnce() throws Exception {
        Seed.Investigator investigator = Seed.investigator("shared-" + UUID.randomUUID().toString().substring(0, 8),
                "a long sign-in password", "investigator passphrase".toCharArray());
        String slug = "shared-" + UUID.randomUUID().toString().substring(0, 8);
        Seed.publishedChannel(slug, Seed.sampleQuestionnaire(1024 * 1024), false, 1024 * 1024, investigator.id());
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> open = form(slug);
            assertEquals(200, open.statusCode());
            assertTrue(open.body().contains("What happened?"));
        }

        try (Connection c = Seed.connect();
                PreparedStatement close = c.prepareStatement("update channel set published = false where slug = ?")) {
            close.setString(1, slug);
            assertEquals(1, close.executeUpdate());
        }

        assertEquals(404, form(slug).statusCode(), "the closed channel's form is gone at the next request");
    }

    private HttpResponse<String> form(String slug) throws Exception {
        return new Browserless(deployed).get("/report/" + slug);
    }
}
