/**
 * The investigators' desk: case list, case view, search, replies, status and outcome, assignment
 * and notes. Sign-in lives in {@code staff.session} and the key pages in {@code staff.key}.
 *
 * <p>Case contents are opened only with an investigator's key unlocked in their own session (the
 * reading itself is {@code casefile.CaseMessages}), and every opening is written to the audit log
 * (docs/design.md properties 4, 7 and 8).
 */
package org.candor.portal.desk;
