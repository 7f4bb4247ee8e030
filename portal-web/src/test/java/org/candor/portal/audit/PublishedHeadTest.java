package org.candor.portal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PublishedHeadTest {

    private static final AuditSigningKey KEY = AuditSigningKey.generate();

    @Test
    void aPublishedHeadReadsBackFromItsTextAndCarriesTheEntrysOwnSignature() {
        ChainEntry last = Chains.of(4, KEY).get(3);
        PublishedHead head = PublishedHead.of(last);
        String text = head.toText();
        assertTrue(text.startsWith("candor-audit-head-v1\nseq: 4\nhash: " + last.entryHashHex() + "\ntime: "), text);
        assertEquals(head, PublishedHead.parse("Saved on Monday:\r\n" + text.replace("\n", "\r\n") + "\r\n-- end"));
        assertEquals(new AuditHead(4, last.entryHashHex()), head.head());
        assertTrue(head.signedBy(KEY.publicKey()));
        assertFalse(head.signedBy(AuditSigningKey.generate().publicKey()));
        PublishedHead otherHash = PublishedHead.parse(text.replace(last.entryHashHex(), "0".repeat(64)));
        assertFalse(otherHash.signedBy(KEY.publicKey()), "the signature binds the hash");
    }

    @Test
    void aDamagedHeadSaysWhatIsWrong() {
        String text = PublishedHead.of(Chains.of(2, KEY).get(1)).toText();
        for (List<String> damage : List.of(List.of("candor-audit-head-v1", "not a published audit head"),
                List.of("seq: 2", "no seq line"), List.of("hash: ", "hash: zz"), List.of("time: ", "time: yesterday "))) {
            String damaged = damage.get(0).equals("seq: 2") ? text.replace("seq: 2\n", "") : text.replace(damage.get(0),
                    damage.get(0).startsWith("candor") ? "something else" : damage.get(1));
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PublishedHead.parse(damaged));
            assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank(), damaged);
        }
    }
}
