package org.candor.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports of the screenshots: invented, in the varied words of different people, with what the
 * investigator does with each (its plan: received, acknowledged, assessment, investigation,
 * concluded, or appeal for a concluded case its whistleblower appeals).
 */
final class Reports {

    private static final String FIN = "financial-misconduct";
    private static final String SAFE = "safety-environment";
    private static final String HARASS = "workplace-harassment";

    private Reports() {
    }

    static List<ScreenshotTour.Report> all() {
        List<ScreenshotTour.Report> all = new ArrayList<>();
        all.add(fin("My team leader has been booking private fuel on the company fuel card for months. He fills up his "
                + "own car on Saturdays at the station on Ringstraße and writes the pool car's number on the receipt.",
                "Fleet management", "Since last autumn", "yes", "assessment", "fuel card", null));
        all.add(fin("A consultancy was paid twice for the same study on the district heating network: once from the "
                + "network budget and once from the IT project. Both invoices have the same invoice number.",
                "Accounts payable", "Invoices from June and August", "no", "investigation", "double payment,invoice", null));
        all.add(fin("During the tender for the new smart meters, one bidder received the evaluation criteria a week "
                + "before the others. I saw the e-mail being forwarded from a private address.",
                "Procurement", "February", "unsure", "investigation", "tender", null));
        all.add(fin("Overtime is being recorded for the standby service on days when nobody was on standby. The "
                + "hours are then paid out at the holiday rate.",
                "Grid operations, standby service", "Over the last two years", "yes", "appeal", "overtime",
                "UNSUBSTANTIATED|We compared the standby rota, the call logs and the payroll for the last two years. "
                        + "Every overtime payment matched a recorded call-out; we found no hours paid without work."));
        all.add(fin("A manager accepted a week's holiday in a supplier's holiday flat and then extended that supplier's "
                + "maintenance contract without a new tender.",
                "Water treatment", "Summer", "no", "concluded", "gifts,conflict of interest",
                "SUBSTANTIATED|The stay was confirmed and was not declared. The contract extension has been "
                        + "cancelled and will be tendered; the manager is no longer responsible for this supplier."));
        all.add(fin("Scrap copper cable from the grid renewal is sold for cash at the yard. The money does not appear "
                + "anywhere in the books as far as I can tell.",
                "Storage yard, Industriestraße", "Several times this year", "yes", "acknowledged", null, null));
        all.add(fin("The sponsorship for the local football club was raised after the club chairman joined our "
                + "supervisory board. Nobody has asked whether that is allowed.",
                "Communications", "This season", "yes", "received", null, null));
        all.add(fin("Invoices from a cleaning company list four cleaners every night, but only two ever come. I work "
                + "late and see them arrive and leave.",
                "Customer centre", "At least since January", "yes", "assessment", "invoice", null));
        all.add(fin("Someone in billing changes meter readings for certain business customers before the annual "
                + "invoice is produced, so they pay for less gas than they used.",
                "Billing", "Every year at closing", "unsure", "investigation", "billing", null));
        all.add(fin("Travel expenses for a trade fair were claimed for three people, but only one of them travelled.",
                "Sales", "October", "no", "concluded", "expenses",
                "REFERRED|The claims concern a subsidiary, whose own compliance function is responsible. We have "
                        + "passed your report on to them, without anything that could identify you."));
        all.add(fin("A colleague tells customers they can avoid the reconnection fee if they pay him in cash. I do not "
                + "think that money reaches the company.",
                "Field service", "Recently", "yes", "received", null, null));
        all.add(safe("Since the new shift plan, only one person works the night shift at the pumping station. If "
                + "anything happens in the chlorine room there is nobody to raise the alarm.",
                "Pumping station north", "yes", "yes", "investigation", "lone working", null));
        all.add(safe("The waste oil tanks at the bus depot overflow when it rains heavily. The oil runs into the drain "
                + "that goes to the stream behind the depot.",
                "Bus depot", "unsure", "no", "assessment", "pollution", null));
        all.add(safe("Scaffolding on the gasometer was not inspected after the storm last week but people are still "
                + "working on it.",
                "Gas storage site", "yes", "yes", "acknowledged", "urgent", null));
        all.add(safe("Our contractors on the grid sites get no safety briefing, although the site rules require one. "
                + "Many of them do not speak German and do not understand the warning signs.",
                "Grid construction", "no", "yes", "assessment", "contractors", null));
        all.add(safe("Gas detectors in the service vans are past their calibration date. The stickers were changed by "
                + "hand instead of having them calibrated.",
                "Field service", "yes", "no", "investigation", "equipment", null));
        all.add(safe("Sludge from the treatment plant is spread on fields without the required analysis. The farmer "
                + "gets it for free and nobody keeps the delivery notes.",
                "Wastewater treatment", "no", "no", "concluded", "pollution",
                "SUBSTANTIATED|The sludge deliveries of the last year were traced and analysed. Deliveries are "
                        + "stopped until every batch has been tested, and the authority has been informed."));
        all.add(safe("The emergency exit in the basement of the customer centre has been blocked with archive boxes "
                + "for weeks.",
                "Customer centre", "unsure", "yes", "acknowledged", null, null));
        all.add(safe("Trucks wash out their concrete residue next to the well field. There is a sign saying this is a "
                + "water protection zone.",
                "Well field south", "no", "no", "received", null, null));
        all.add(safe("Apprentices are sent up ladders to the transformer rooms without anyone supervising them.",
                "Training workshop", "yes", "no", "acknowledged", null, null));
        all.add(harass("My shift supervisor makes comments about my body in front of the team and laughs when I ask him "
                + "to stop. Others laugh along.",
                "affected", "Grid operations", "assessment", "sexual harassment", null));
        all.add(harass("A colleague with a disability is left out of team meetings on purpose and the team leader calls "
                + "him names behind his back.",
                "witness", "Customer service", "investigation", "discrimination", null));
        all.add(harass("Since I reported a safety problem last year I get only night shifts and my holiday requests are "
                + "turned down. I believe this is retaliation.",
                "affected", "Water treatment", "investigation", "retaliation", null));
        all.add(harass("A new apprentice told me that an older colleague keeps sending her private messages late at night "
                + "and asking to meet.",
                "told", "Training workshop", "acknowledged", null, null));
        all.add(harass("In the IT department women are regularly passed over for on-call allowances, which go to the "
                + "same three men every month.",
                "witness", "IT", "concluded", "discrimination",
                "SUBSTANTIATED|The on-call rota showed an uneven distribution. It is now drawn up by rotation, "
                        + "and the allowances of the last twelve months have been recalculated."));
        all.add(harass("The head of department shouts at people in meetings and has told two colleagues they would be "
                + "fired if they complained.",
                "witness", "Finance", "received", null, null));
        all.add(harass("Jokes about my accent and my religion are made almost every day in the canteen by the same group.",
                "affected", "Production site", "acknowledged", null, null));
        all.add(fin("Invoices for road repairs after cable works are approved without anyone checking the repair. Some "
                + "of the streets on the list were never opened.",
                "Grid construction", "Since the spring", "yes", "received", null, null));
        return all;
    }

    private static ScreenshotTour.Report fin(String what, String where, String since, String ongoing, String plan,
            String labels, String grounds) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("what", what);
        answers.put("where", where);
        answers.put("since", since);
        answers.put("ongoing", ongoing);
        return new ScreenshotTour.Report(FIN, answers, plan, labels, grounds);
    }

    private static ScreenshotTour.Report safe(String what, String where, String danger, String told, String plan,
            String labels, String grounds) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("what", what);
        answers.put("where", where);
        answers.put("danger", danger);
        answers.put("told", told);
        return new ScreenshotTour.Report(SAFE, answers, plan, labels, grounds);
    }

    private static ScreenshotTour.Report harass(String what, String role, String where, String plan, String labels,
            String grounds) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("what", what);
        answers.put("role", role);
        answers.put("where", where);
        return new ScreenshotTour.Report(HARASS, answers, plan, labels, grounds);
    }
}
