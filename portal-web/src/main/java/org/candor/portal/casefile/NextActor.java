package org.candor.portal.casefile;

/** Who a case waits for (see {@link CaseFile#nextActor()}). */
public enum NextActor {
    /** The case's investigators: to acknowledge it, or to answer the whistleblower's latest word. */
    INVESTIGATORS,
    /** The whistleblower: the investigators answered last. */
    WHISTLEBLOWER
}
