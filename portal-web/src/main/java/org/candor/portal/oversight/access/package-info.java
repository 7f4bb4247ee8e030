/**
 * Oversight's access view: who opened which case when, and who exported it, read from the
 * signed audit log and filtered by staff member and case.
 *
 * <p>Only oversight members reach it. It shows names, case ids, times and which part was opened,
 * never contents (docs/design.md property 8).
 */
package org.candor.portal.oversight.access;
