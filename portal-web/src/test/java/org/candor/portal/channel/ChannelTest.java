package org.candor.portal.channel;

import static org.candor.portal.channel.Fixtures.both;
import static org.candor.portal.channel.Fixtures.shortText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.candor.crypto.InvestigatorKey;
import org.candor.crypto.KeyRejected;
import org.candor.crypto.RecipientKey;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.StaffMember;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChannelTest {

    private static RecipientKey usableKey;

    @BeforeAll
    static void makeAKey() {
        usableKey = InvestigatorKey.generate("Test <test@example.org>", "a long passphrase".toCharArray()).recipient();
    }

    private final Map<UUID, KeyStatus> keyStatus = new HashMap<>();
    private final RecipientKeys keys = id -> keyStatus.getOrDefault(id, KeyStatus.noKey());

    @Test
    void needsAnEnglishNameOnlyAndListsTheTranslationsItLacks() {
        InvalidChannelInput e = assertThrows(InvalidChannelInput.class, () -> new Channel("fraud", 1,
                LocalDate.now(), Map.of(Locale.GERMAN, new ChannelText("Betrug", ""))));
        assertEquals(Problem.of("channel.name.missing", Locale.ENGLISH), e.problem());
        Channel english = new Channel("fraud", 1, LocalDate.now(), Map.of(Locale.ENGLISH, new ChannelText("Fraud", "Money"),
                Locale.FRENCH, new ChannelText("Fraude", "")));
        assertEquals("Fraud", english.textFor(Locale.GERMAN).name(), "a missing translation shows the English text");
        java.util.List<MissingTranslation> missing = english.missingTranslations();
        assertTrue(missing.contains(new MissingTranslation(Locale.GERMAN, true, java.util.List.of())), missing.toString());
        assertTrue(missing.contains(new MissingTranslation(Locale.FRENCH, true, java.util.List.of())),
                "a translation without the description English has");
        assertTrue(missing.stream().noneMatch(m -> m.language().equals(Locale.ENGLISH)));
        assertEquals(Problem.of("channel.name.missing", Locale.ENGLISH),
                assertThrows(InvalidChannelInput.class, () -> ChannelText.of(Locale.ENGLISH, " ", "x")).problem());
    }

    @Test
    void refusesAnInvalidSlugAndForgivesCaseAndSpaces() {
        for (String slug : new String[] {"", "-fraud", "fraud-", "fr aud", "fraud/../x", "ä", "x".repeat(65)}) {
            assertEquals("channel.slug.invalid",
                    assertThrows(InvalidChannelInput.class, () -> Channel.checkSlug(slug)).problem().key(), slug);
        }
        assertEquals("safety-2", Channel.checkSlug(" Safety-2 "));
    }

    @Test
    void refusesARecipientWhoIsNotAnInvestigator() {
        Channel channel = Fixtures.channel("fraud");
        StaffMember investigator = Fixtures.staff("ines", Role.INVESTIGATOR);
        StaffMember administrator = Fixtures.staff("ada", Role.ADMINISTRATOR);
        InvalidChannelInput e = assertThrows(InvalidChannelInput.class,
                () -> channel.chooseRecipients(List.of(investigator, administrator)));
        assertEquals(Problem.of("channel.recipient.notInvestigator", "Name ada"), e.problem());
        assertTrue(channel.recipients().isEmpty(), "nothing half-changed");
        channel.chooseRecipients(List.of(investigator));
        assertEquals(Set.of(investigator.id()), channel.recipients());
    }

    @Test
    void refusesToPublishWithoutAUsableKeyAndSaysWhyForEachRecipient() {
        Channel channel = Fixtures.channel("fraud");
        StaffMember noKey = Fixtures.staff("nokey", Role.INVESTIGATOR);
        StaffMember expired = Fixtures.staff("expired", Role.INVESTIGATOR);
        StaffMember gone = Fixtures.staff("gone", Role.INVESTIGATOR);
        channel.chooseRecipients(List.of(noKey, expired, gone));
        channel.changeQuestionnaire(new Questionnaire(List.of(shortText("subject", true))));
        keyStatus.put(expired.id(), KeyStatus.unusable(KeyRejected.Reason.EXPIRED));
        keyStatus.put(gone.id(), KeyStatus.usable(usableKey));
        Set<UUID> active = Set.of(noKey.id(), expired.id());

        PublishRefused refused = assertThrows(PublishRefused.class, () -> channel.publish(keys, active));

        assertEquals(List.of(Problem.of("channel.publish.noUsableKey")), refused.problems());
        Map<UUID, String> why = new HashMap<>();
        refused.recipients().forEach(r -> why.put(r.staffId(), r.problemKey()));
        assertEquals(Map.of(noKey.id(), "channel.recipient.noKey", expired.id(), "channel.recipient.key.EXPIRED",
                gone.id(), "channel.recipient.inactive"), why);
        assertFalse(channel.isPublished());
    }

    @Test
    void refusesToPublishWithoutRecipientsOrQuestions() {
        Channel channel = Fixtures.channel("fraud");
        PublishRefused refused = assertThrows(PublishRefused.class, () -> channel.publish(keys, Set.of()));
        assertEquals(List.of(Problem.of("channel.publish.noRecipients"), Problem.of("channel.publish.noQuestions")),
                refused.problems());
    }

    @Test
    void publishesOnceOneRecipientHasAUsableKeyAndWarnsWhenItIsLost() {
        Channel channel = Fixtures.channel("fraud");
        StaffMember ines = Fixtures.staff("ines", Role.INVESTIGATOR);
        StaffMember ivan = Fixtures.staff("ivan", Role.INVESTIGATOR);
        channel.chooseRecipients(List.of(ines, ivan));
        channel.changeQuestionnaire(new Questionnaire(List.of(shortText("subject", true))));
        keyStatus.put(ines.id(), KeyStatus.usable(usableKey));
        Set<UUID> active = Set.of(ines.id(), ivan.id());

        channel.publish(keys, active);
        assertTrue(channel.isPublished());
        assertTrue(channel.isReceivable(keys, active));

        keyStatus.put(ines.id(), KeyStatus.unusable(KeyRejected.Reason.REVOKED));
        assertTrue(channel.isPublished(), "stays published so the administrator sees it");
        assertFalse(channel.isReceivable(keys, active), "but the intake must refuse reports");
        assertEquals(List.of(Problem.of("channel.publish.noUsableKey")), channel.publishProblems(keys, active));
    }

    @Test
    void fileQuestionsNeedUploadsAllowedAndMustFitTheChannelsLimits() {
        Channel channel = Fixtures.channel("fraud");
        QuestionField proof = QuestionField.file("proof", both("Proof", "Beleg"), LocalizedText.NONE, false, 3,
                50 * UploadLimits.MIB);
        assertEquals("channel.uploads.neededByField", assertThrows(InvalidChannelInput.class,
                () -> channel.changeQuestionnaire(new Questionnaire(List.of(proof)))).problem().key());
        channel.changeUploadLimits(new UploadLimits(true, 100 * UploadLimits.MIB, 5, 200 * UploadLimits.MIB));
        channel.changeQuestionnaire(new Questionnaire(List.of(proof)));
        assertEquals("channel.uploads.fieldFileTooLarge", assertThrows(InvalidChannelInput.class,
                () -> channel.changeUploadLimits(new UploadLimits(true, 10 * UploadLimits.MIB, 5,
                        200 * UploadLimits.MIB))).problem().key());
        assertEquals("channel.uploads.neededByField", assertThrows(InvalidChannelInput.class,
                () -> channel.changeUploadLimits(UploadLimits.DEFAULT)).problem().key());
        assertTrue(channel.uploadLimits().allowed(), "a refused change leaves the limits as they were");
    }

    @Test
    void checksTheTotalOfAllFilesAgainstTheChannelsLimit() {
        Channel channel = Fixtures.channel("fraud");
        channel.changeUploadLimits(new UploadLimits(true, 10 * UploadLimits.MIB, 5, 15 * UploadLimits.MIB));
        channel.changeQuestionnaire(new Questionnaire(List.of(QuestionField.file("proof", both("Proof", "Beleg"),
                LocalizedText.NONE, false, 5, 10 * UploadLimits.MIB))));
        AnswerCheck check = channel.checkAnswers(SubmittedAnswers.of(Map.of())
                .withFiles("proof", List.of(8 * UploadLimits.MIB, 8 * UploadLimits.MIB)));
        assertEquals(List.of(Problem.of("channel.answer.files.tooLargeInAll", 15L)),
                check.problemsOf(AnswerCheck.WHOLE_FORM));
        assertTrue(channel.checkAnswers(SubmittedAnswers.of(Map.of())
                .withFiles("proof", List.of(8 * UploadLimits.MIB))).isValid());
    }
}
