package org.candor.portal.platform.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

class FormContentTypeTest {

    @SuppressWarnings("unused")
    static final class Routes {
        void fields(@FormParam("code") String code) {
        }

        void whole(MultivaluedMap<String, String> form) {
        }

        void none() {
        }
    }

    @Test
    void aRouteReadsFormFieldsOneByOneOrAsAWhole() throws Exception {
        assertTrue(FormContentType.readsFormFields(Routes.class.getDeclaredMethod("fields", String.class)));
        assertTrue(FormContentType.readsFormFields(Routes.class.getDeclaredMethod("whole", MultivaluedMap.class)));
        assertFalse(FormContentType.readsFormFields(Routes.class.getDeclaredMethod("none")));
    }
}
