package org.candor.portal.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomSessionIdsTest {

    @Test
    void anIdIs256RandomBitsInHexWithNoCommonStart() {
        Set<String> ids = new HashSet<>();
        Set<String> starts = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = RandomSessionIds.newId();
            assertTrue(id.matches("[0-9a-f]{64}"), id);
            ids.add(id);
            starts.add(id.substring(0, 3));
        }
        assertEquals(1000, ids.size());
        assertTrue(starts.size() > 700, "the first three digits vary like random ones: " + starts.size() + " of 4096 seen");
    }
}
