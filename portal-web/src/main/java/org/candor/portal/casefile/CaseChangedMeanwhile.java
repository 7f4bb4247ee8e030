package org.candor.portal.casefile;

/**
 * What a case is sealed to, or the items it holds, changed while a change that depends on them
 * was prepared (a colleague re-sealed it, or a message arrived): nothing was changed.
 */
public class CaseChangedMeanwhile extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CaseChangedMeanwhile() {
        super("the case changed meanwhile", null, false, false);
    }
}
