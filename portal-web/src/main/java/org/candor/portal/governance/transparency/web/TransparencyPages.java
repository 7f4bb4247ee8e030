package org.candor.portal.governance.transparency.web;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.candor.portal.audit.AuditLog;
import org.candor.portal.audit.PublishedHead;
import org.candor.portal.governance.transparency.Cell;
import org.candor.portal.governance.transparency.Downloads;
import org.candor.portal.governance.transparency.Figures;
import org.candor.portal.governance.transparency.Measure;
import org.candor.portal.governance.transparency.RunningBundle;
import org.candor.portal.governance.transparency.SvgChart;
import org.candor.portal.governance.transparency.TransparencyData;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.platform.i18n.Messages;
import org.candor.portal.platform.web.Page;

/**
 * The public transparency page, without sign-in and without JavaScript: for each published
 * channel a chart of reports received per quarter (server-drawn SVG) and a table of every figure
 * per period; and the same figures as CSV and JSON. The page, the CSV and the JSON are made from
 * one {@link Figures}, so they agree cell for cell, suppressed cells included. It also publishes
 * the audit log's signed head ({@link PublishedHead}, docs/design.md property 8) as a text block and a
 * file anyone can save, so that a later rewrite of the log's history can be shown against it.
 */
@Path("/")
public class TransparencyPages {

    @Inject
    TransparencyData data;

    @Inject
    AuditLog audit;

    @Inject
    RunningBundle bundle;

    @Context
    HttpServletRequest request;

    /** A channel's section: its name, chart and rows. */
    public record Section(String slug, String name, SvgChart.Chart chart, List<RowView> rows) {
    }

    /** A row of the table: the period and each column's text. */
    public record RowView(String period, boolean year, List<String> cells) {
    }

    @GET
    @Path("transparency")
    @Produces(MediaType.TEXT_HTML)
    public Page page() {
        Locale language = Languages.of(request);
        Figures figures = data.figures(language);
        List<Section> sections = new ArrayList<>();
        List<Figures.Channel> channels = figures.rows().stream().map(Figures.Row::channel).distinct().toList();
        int n = 0;
        for (Figures.Channel channel : channels) {
            List<RowView> rows = figures.rows().stream().filter(r -> r.channel().equals(channel))
                    .map(r -> new RowView(r.period().label(), r.period().isYear(),
                            Downloads.byColumn(r).entrySet().stream().map(e -> text(e.getKey(), e.getValue(), language)).toList()))
                    .toList();
            List<SvgChart.Bar> bars = figures.quartersOf(channel).stream()
                    .map(r -> new SvgChart.Bar(r.period().label(), r.count(Measure.RECEIVED).value(),
                            mark(r.count(Measure.RECEIVED), language)))
                    .toList();
            SvgChart.Chart chart = SvgChart.layout("chart-" + (++n),
                    Messages.get(language, "transparency.chart.title", channel.name()),
                    Messages.get(language, "transparency.chart.desc", channel.name()), bars);
            sections.add(new Section(channel.slug(), channel.name(), chart, rows));
        }
        List<String> headings = Downloads.columns().stream().map(c -> Messages.get(language, "transparency.column." + c))
                .toList();
        return Page.of("public/transparency").with("sections", sections).with("headings", headings)
                .with("columns", Downloads.columns())
                // empty when the portal does not run from the Candor bundle (the template then leaves the section out)
                .with("bundleSha256", bundle.sha256().orElse(""))
                .with("auditHead", audit.publishedHead().map(PublishedHead::toText).orElse(""));
    }

    /** The audit log's signed head as a file to save; 404 while the log is empty. */
    @GET
    @Path("transparency/audit-head.txt")
    @Produces(MediaType.TEXT_PLAIN)
    public Response auditHead() {
        Optional<PublishedHead> head = audit.publishedHead();
        if (head.isEmpty()) {
            return Response.status(404).type("text/plain;charset=UTF-8").entity("").build();
        }
        return Response.ok(head.get().toText()).type("text/plain;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"candor-audit-head-" + head.get().seq() + ".txt\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("transparency.csv")
    @Produces("text/csv")
    public Response csv() {
        return Response.ok(Downloads.csv(data.figures(Languages.of(request))))
                .type("text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"transparency.csv\"")
                .build();
    }

    @GET
    @Path("transparency.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response json() {
        return Response.ok(Downloads.json(data.figures(Languages.of(request))))
                .type("application/json;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"transparency.json\"")
                .build();
    }

    private static String text(String column, Cell cell, Locale language) {
        if (!cell.isShown()) {
            return Messages.get(language, "transparency.suppressed." + cell.status().code());
        }
        return column.endsWith("Percent") ? cell.number() + " %" : cell.number();
    }

    private static String mark(Cell cell, Locale language) {
        return cell.isShown() ? "" : Messages.get(language, "transparency.mark." + cell.status().code());
    }
}
