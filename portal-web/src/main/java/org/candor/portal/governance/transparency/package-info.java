/**
 * The transparency figures: per period (quarter, year) and published channel, counts, shares
 * and medians computed from live cases and from the contents-free rows deleted cases leave,
 * with small counts suppressed so that no individual report can be inferred, and the
 * accessible SVG charts drawn from them. The facts of live cases are read by the case core
 * ({@link org.candor.portal.casefile.CaseFactsQuery}).
 */
package org.candor.portal.governance.transparency;
