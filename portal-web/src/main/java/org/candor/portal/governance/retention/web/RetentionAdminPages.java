package org.candor.portal.governance.retention.web;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.candor.portal.governance.retention.CaseRetention;
import org.candor.portal.governance.retention.JobClaim;
import org.candor.portal.governance.retention.RetentionRun;
import org.candor.portal.governance.transparency.TransparencyData;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.platform.web.Page;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.session.StaffSession;

/**
 * What retention will delete and when, for administrators, without contents and without case
 * ids: per channel its period, how many cases are due now, within 30 and within 90 days, how
 * many are under legal hold; and the last run.
 */
@Path("/admin/retention")
@Produces(MediaType.TEXT_HTML)
public class RetentionAdminPages {

    @Inject
    StaffSession session;

    @Inject
    CaseRetention retention;

    @Inject
    TransparencyData channels;

    @Inject
    JobClaim claim;

    @Context
    HttpServletRequest request;

    Clock clock = Clock.systemUTC();

    /** A channel's line. */
    public record ChannelDue(String name, String slug, int retentionDays, long dueNow, long within30, long within90,
            long held) {
    }

    /** The last run, in minutes (staff-side, so a time is fine). */
    public record LastRun(String startedAt, String endedAt, int deleted, int failed, int swept, boolean running) {
    }

    @GET
    public Page show() {
        session.require(Role.ADMINISTRATOR);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<ChannelDue> rows = channels.choices(Languages.of(request)).stream().map(c -> {
            int days = retention.retentionDays(c.id());
            return new ChannelDue(c.name(), c.slug(), days, retention.countDue(c.id(), days, today),
                    retention.countDue(c.id(), days, today.plusDays(30)), retention.countDue(c.id(), days, today.plusDays(90)),
                    retention.countHeld(c.id()));
        }).toList();
        JobClaim.LastRun last = claim.lastRun(RetentionRun.JOB, clock.instant());
        LastRun shown = new LastRun(minute(last.startedAt()), minute(last.endedAt()), last.deleted(), last.failed(),
                last.swept(), last.running());
        return Page.of("staff/admin/retention").with("channels", rows).with("lastRun", shown)
                .with("today", today);
    }

    private static String minute(java.util.Optional<Instant> at) {
        return at.map(i -> i.truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ').replace("Z", " UTC")).orElse("");
    }
}
