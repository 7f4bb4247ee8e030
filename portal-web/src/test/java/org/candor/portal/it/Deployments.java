package org.candor.portal.it;

import java.io.File;
import java.net.URI;
import java.net.URL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archive integration tests deploy: the portal's real WAR, as Maven built it. */
public final class Deployments {

    private Deployments() {
    }

    /** The built WAR, named ROOT.war so that it is served at "/" as in production. */
    public static WebArchive portal() {
        File war = new File(System.getProperty("candor.it.war", "target/portal-web.war"));
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }

    /** Arquillian reports the machine's network address; tests talk to the portal over loopback. */
    public static URI local(URL deployed, String path) {
        return URI.create("http://localhost:" + deployed.getPort() + path);
    }

    /** The PostgreSQL database the portal under test uses. */
    public static String databaseUrl() {
        return System.getProperty("candor.it.db.url") + "?user=postgres";
    }
}
