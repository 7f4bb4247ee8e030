package org.candor.portal.staff.key;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.platform.i18n.Messages;
import org.candor.portal.platform.web.Page;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.session.SignedInStaff;
import org.candor.portal.staff.session.StaffSession;

/**
 * The investigator's key pages: set up (generate or import from GnuPG), fingerprint, public key
 * export, passphrase change, and unlock/lock for this session. Oversight members use the same
 * pages: appeals are sealed to their keys too, and they unlock a key to read an appeal's reasons.
 * A member holding neither role gets 403 here and from {@link org.candor.portal.staff.session.StaffGate}.
 */
@Path("/desk/key")
@Produces(MediaType.TEXT_HTML)
public class KeyPages {

    @Inject
    InvestigatorKeys keys;

    @Inject
    StaffSession session;

    @Context
    HttpServletRequest request;

    @GET
    public Response show() {
        SignedInStaff me = keyHolder();
        Optional<InvestigatorKeyRecord> key = keys.of(me.id());
        if (key.isEmpty()) {
            return seeOther("/desk/key/setup");
        }
        return Response.ok(keyPage(key.get(), null, null)).build();
    }

    @GET
    @Path("setup")
    public Response setupForm() {
        SignedInStaff me = keyHolder();
        if (keys.of(me.id()).isPresent()) {
            return seeOther("/desk/key");
        }
        return Response.ok(Page.of("staff/desk/key-setup")).build();
    }

    @POST
    @Path("generate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response generate(@FormParam("passphrase") String passphrase, @FormParam("passphraseRepeat") String repeat) {
        SignedInStaff me = keyHolder();
        try {
            InvestigatorKeyRecord record = keys.generate(me, chars(passphrase), chars(repeat));
            return Response.ok(keyPage(record, message("key.generated"), null)).build();
        } catch (InvalidKeyInput e) {
            return Response.status(422).entity(Page.of("staff/desk/key-setup").with("generateError", message(e.messageKey())))
                    .build();
        }
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response importKey(@FormParam("armored") String armored, @FormParam("passphrase") String passphrase) {
        SignedInStaff me = keyHolder();
        try {
            InvestigatorKeyRecord record = keys.importSecret(me, armored, chars(passphrase));
            return Response.ok(keyPage(record, message("key.imported"), null)).build();
        } catch (InvalidKeyInput e) {
            return Response.status(422).entity(Page.of("staff/desk/key-setup").with("importError", message(e.messageKey())))
                    .build();
        }
    }

    @POST
    @Path("unlock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unlock(@FormParam("passphrase") String passphrase) {
        SignedInStaff me = keyHolder();
        InvestigatorKeyRecord record = keys.of(me.id()).orElseThrow(jakarta.ws.rs.NotFoundException::new);
        try {
            keys.unlock(me, chars(passphrase));
            return Response.ok(keyPage(record, message("key.unlocked"), null)).build();
        } catch (InvalidKeyInput e) {
            return Response.status(422).entity(keyPage(record, null, message(e.messageKey()))).build();
        }
    }

    @POST
    @Path("lock")
    public Response lock() {
        SignedInStaff me = keyHolder();
        keys.lock(me);
        return seeOther("/desk/key");
    }

    @POST
    @Path("passphrase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassphrase(@FormParam("current") String current, @FormParam("passphrase") String passphrase,
            @FormParam("passphraseRepeat") String repeat) {
        SignedInStaff me = keyHolder();
        InvestigatorKeyRecord record = keys.of(me.id()).orElseThrow(jakarta.ws.rs.NotFoundException::new);
        try {
            keys.changePassphrase(me, chars(current), chars(passphrase), chars(repeat));
            return Response.ok(keyPage(keys.of(me.id()).orElseThrow(), message("key.passphrase.changed"), null)).build();
        } catch (InvalidKeyInput e) {
            return Response.status(422).entity(keyPage(record, null, message(e.messageKey()))).build();
        }
    }

    @GET
    @Path("public.asc")
    @Produces("application/pgp-keys")
    public Response exportPublic() {
        SignedInStaff me = keyHolder();
        InvestigatorKeyRecord record = keys.of(me.id()).orElseThrow(jakarta.ws.rs.NotFoundException::new);
        return Response.ok(record.publicArmored(), "application/pgp-keys")
                .header("Content-Disposition", "attachment; filename=\"candor-" + record.fingerprint().substring(0, 16) + ".asc\"")
                .build();
    }

    /** The signed-in member if they may hold a key (investigator or oversight); 403 otherwise. */
    private SignedInStaff keyHolder() {
        SignedInStaff me = session.current().orElseThrow(StaffSession.NotAuthorised::new);
        if (!me.holds(Role.INVESTIGATOR) && !me.holds(Role.OVERSIGHT)) {
            throw new StaffSession.NotAuthorised();
        }
        return me;
    }

    private Page keyPage(InvestigatorKeyRecord record, String notice, String error) {
        Page page = Page.of("staff/desk/key")
                .with("fingerprint", groupFingerprint(record.fingerprint()))
                .with("origin", record.origin().name())
                .with("createdOn", record.createdOn().toString())
                .with("unlocked", keys.isUnlocked());
        if (notice != null) {
            page.with("notice", notice);
        }
        if (error != null) {
            page.with("error", error);
        }
        return page;
    }

    /** A fingerprint in groups of four, as GnuPG prints it, for reading aloud and comparing. */
    static String groupFingerprint(String fingerprint) {
        return fingerprint.toUpperCase(java.util.Locale.ROOT).replaceAll("(.{4})(?!$)", "$1 ");
    }

    private String message(String key) {
        return Messages.get(Languages.of(request), key);
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    private static char[] chars(String s) {
        return s == null ? new char[0] : s.toCharArray();
    }
}
