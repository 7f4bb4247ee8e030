/**
 * The transparency figures: per period (quarter, year) and published channel, counts, shares
 * and medians computed from live cases and from the contents-free rows deleted cases leave,
 * with small counts suppressed so that no individual report can be inferred, and the
 * accessible SVG charts drawn from them.
 */
package org.candor.portal.governance.transparency;
