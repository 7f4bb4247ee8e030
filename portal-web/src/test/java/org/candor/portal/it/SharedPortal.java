package org.candor.portal.it;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.util.TreeSet;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

/**
 * The Payara Micro container of the integration tests, kept running from one test class to the
 * next while they deploy the same archive. The Payara adapter starts a Payara Micro in each
 * {@code deploy} and stops it in each {@code undeploy}, so every test class paid for a start of
 * its own; here {@code undeploy} leaves the portal running, the next {@code deploy} of an archive
 * with the same entries reuses it, and a different archive stops it first (the portal under test
 * has a fixed management port, so only one runs at a time). The last one stops with the container,
 * at the end of the run. {@link SameArchiveTogether} orders the test classes so that those
 * deploying the same archive follow each other.
 *
 * <p>The test classes already share one database per run; sharing a portal adds its memory
 * (caches, throttles a fixture has set) to what they share.
 */
public class SharedPortal extends PayaraMicroDeployableContainer {

    private String runningKey;
    private Archive<?> running;
    private ProtocolMetaData runningMetaData;

    /** Registers {@link SharedPortal} in place of the adapter's container. */
    public static final class Extension implements LoadableExtension {
        @Override
        public void register(ExtensionBuilder builder) {
            builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, SharedPortal.class);
        }
    }

    /** What makes two archives the same deployment: their name and the paths of their entries. */
    public static String key(Archive<?> archive) {
        return archive.getName() + new TreeSet<>(archive.getContent().keySet().stream().map(Object::toString).toList());
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        String key = key(archive);
        if (key.equals(runningKey)) {
            return runningMetaData;
        }
        stopRunning();
        runningMetaData = super.deploy(archive);
        running = archive;
        runningKey = key;
        return runningMetaData;
    }

    @Override
    public void undeploy(Archive<?> archive) {
        // Left running for the next test class; stopped by the next deploy or by stop().
    }

    @Override
    public void stop() throws LifecycleException {
        try {
            stopRunning();
        } catch (DeploymentException e) {
            throw new LifecycleException("could not stop the portal under test", e);
        }
    }

    private void stopRunning() throws DeploymentException {
        if (running != null) {
            Archive<?> stopping = running;
            running = null;
            runningKey = null;
            runningMetaData = null;
            super.undeploy(stopping);
        }
    }
}
