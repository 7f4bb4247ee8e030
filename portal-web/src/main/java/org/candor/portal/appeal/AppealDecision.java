package org.candor.portal.appeal;

/** What oversight decided on an appeal; the grounds are a sealed item. */
public enum AppealDecision {
    /** The appeal is justified: the case is to be handled again or its outcome changes. */
    UPHELD,
    /** Justified in part. */
    PARTLY_UPHELD,
    /** Not justified: the outcome and its handling stand. */
    REJECTED
}
