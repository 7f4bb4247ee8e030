package org.candor.portal.desk.cases;

/** The action needs the investigator's key, and it is not unlocked in this session. */
public class KeyLocked extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyLocked() {
        super("the investigator's key is locked", null, false, false);
    }
}
