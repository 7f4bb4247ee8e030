/**
 * Oversight's appeal pages: the list of redress requests (metadata only, pending first), one
 * appeal with its case's metadata and timeline, the appeal's reasons and the outcome's grounds
 * opened with the member's unlocked key, and the decision with its grounds, which the
 * whistleblower then reads on their status page.
 *
 * <p>Oversight opens only what is sealed to oversight (appeal, grounds, decision), never the
 * report, the conversation, the notes or the files; every opening and decision is audited.
 * The list's page of appeals with their cases' channels is read by the case core
 * ({@link org.candor.portal.casefile.AppealedCasesQuery}).
 */
package org.candor.portal.oversight.appeals;
