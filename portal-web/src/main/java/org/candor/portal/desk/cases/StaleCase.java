package org.candor.portal.desk.cases;

/** The form was made for a case as it was before: it moved on meanwhile (another tab, a colleague, a second submit). */
public class StaleCase extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StaleCase() {
        super("the case changed since the form was shown", null, false, false);
    }
}
