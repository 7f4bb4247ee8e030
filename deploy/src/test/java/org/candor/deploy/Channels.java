package org.candor.deploy;

import static org.candor.deploy.ScreenshotTour.text;

import java.util.List;
import org.candor.portal.channel.ChoiceOption;
import org.candor.portal.channel.FieldType;
import org.candor.portal.channel.QuestionField;
import org.candor.portal.channel.Questionnaire;

/** The three channels of the fictional utility in the screenshots, with questionnaires in English, German and Arabic. */
final class Channels {

    private Channels() {
    }

    record Channel(String slug, String nameEn, String descriptionEn, String nameDe, String descriptionDe,
            String nameAr, String descriptionAr, Questionnaire questionnaire) {
    }

    static List<Channel> all() {
        return List.of(
                new Channel("financial-misconduct",
                        "Financial misconduct",
                        "Fraud, bribery, false invoices, manipulated accounts or tenders, conflicts of interest.",
                        "Finanzielles Fehlverhalten",
                        "Betrug, Bestechung, falsche Rechnungen, manipulierte Buchungen oder Vergaben, Interessenkonflikte.",
                        "مخالفات مالية",
                        "الاحتيال والرشوة والفواتير المزيفة والتلاعب بالحسابات أو المناقصات وتضارب المصالح.",
                        new Questionnaire(List.of(what(), where(),
                                QuestionField.text("since", FieldType.SHORT_TEXT,
                                        text("When did it happen, or since when has it been going on?",
                                                "Wann ist es geschehen, oder seit wann geht es so?",
                                                "متى حدث ذلك، أو منذ متى يستمر؟"), null, false, 200),
                                QuestionField.choice("ongoing", FieldType.SINGLE_CHOICE,
                                        text("Is it still going on?", "Dauert es noch an?", "هل ما زال مستمرًا؟"), null, true,
                                        yesNoUnsure()),
                                evidence()))),
                new Channel("safety-environment",
                        "Safety and environment",
                        "Dangers to people at work or to the public, pollution, breaches of safety or environmental rules.",
                        "Sicherheit und Umwelt",
                        "Gefahren für Beschäftigte oder die Öffentlichkeit, Verschmutzung, Verstöße gegen Sicherheits- oder Umweltvorschriften.",
                        "السلامة والبيئة",
                        "المخاطر على العاملين أو الجمهور، والتلوث، ومخالفة قواعد السلامة أو البيئة.",
                        new Questionnaire(List.of(what(), where(),
                                QuestionField.choice("danger", FieldType.SINGLE_CHOICE,
                                        text("Is anyone in danger right now?", "Ist gerade jemand in Gefahr?",
                                                "هل هناك شخص في خطر الآن؟"),
                                        text("If someone is in danger now, call 112 first.",
                                                "Wenn jetzt jemand in Gefahr ist, rufen Sie zuerst 112 an.",
                                                "إذا كان شخص في خطر الآن، فاتصل بالرقم 112 أولًا."), true, yesNoUnsure()),
                                QuestionField.choice("told", FieldType.SINGLE_CHOICE,
                                        text("Have you told anyone in the company about it?",
                                                "Haben Sie im Unternehmen schon jemandem davon erzählt?",
                                                "هل أخبرت أحدًا في الشركة بذلك؟"), null, false,
                                        List.of(option("yes", "Yes", "Ja", "نعم"), option("no", "No", "Nein", "لا"))),
                                evidence()))),
                new Channel("workplace-harassment",
                        "Workplace harassment",
                        "Bullying, sexual harassment, discrimination or retaliation against colleagues.",
                        "Belästigung am Arbeitsplatz",
                        "Mobbing, sexuelle Belästigung, Diskriminierung oder Benachteiligung von Kolleginnen und Kollegen.",
                        "التحرش في مكان العمل",
                        "التنمر أو التحرش الجنسي أو التمييز أو الانتقام من الزملاء.",
                        new Questionnaire(List.of(what(),
                                QuestionField.choice("role", FieldType.SINGLE_CHOICE,
                                        text("How are you involved?", "Wie sind Sie beteiligt?", "ما علاقتك بالأمر؟"), null, true,
                                        List.of(option("affected", "It happened to me", "Es ist mir passiert", "حدث لي"),
                                                option("witness", "I saw it happen", "Ich habe es beobachtet", "شاهدته"),
                                                option("told", "Someone told me", "Jemand hat es mir erzählt", "أخبرني به شخص"))),
                                where(), evidence()))));
    }

    private static QuestionField what() {
        return QuestionField.text("what", FieldType.LONG_TEXT,
                text("What happened?", "Was ist passiert?", "ماذا حدث؟"),
                text("Describe what you saw or know, and how you came to know it. Leave out anything that would identify you.",
                        "Beschreiben Sie, was Sie gesehen haben oder wissen und wie Sie davon erfahren haben. Lassen Sie weg, was Sie erkennbar machen würde.",
                        "صف ما رأيته أو تعرفه وكيف عرفته. لا تذكر ما قد يكشف هويتك."),
                true, 20000);
    }

    private static QuestionField where() {
        return QuestionField.text("where", FieldType.SHORT_TEXT,
                text("Which department or site?", "Welche Abteilung oder welcher Standort?", "أي قسم أو موقع؟"),
                null, false, 200);
    }

    private static QuestionField evidence() {
        return QuestionField.file("evidence", text("Documents or photos", "Dokumente oder Fotos", "مستندات أو صور"),
                text("Optional. Remove your name from documents first, if you can.",
                        "Freiwillig. Entfernen Sie vorher, wenn möglich, Ihren Namen aus den Dokumenten.",
                        "اختياري. احذف اسمك من المستندات أولًا إن أمكن."),
                false, 5, 20L * 1024 * 1024);
    }

    private static List<ChoiceOption> yesNoUnsure() {
        return List.of(option("yes", "Yes", "Ja", "نعم"), option("no", "No", "Nein", "لا"),
                option("unsure", "I don't know", "Weiß ich nicht", "لا أعرف"));
    }

    private static ChoiceOption option(String key, String en, String de, String ar) {
        return new ChoiceOption(key, text(en, de, ar));
    }
}
