package org.candor.portal.appeal;

/** Where an appeal stands: waiting for oversight, or decided. */
public enum AppealState {
    PENDING,
    DECIDED
}
