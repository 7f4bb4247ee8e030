/**
 * Governance: how long cases are kept and how they are deleted ({@code retention}), and the
 * aggregate figures the public transparency page shows ({@code transparency}).
 *
 * <p>Nothing here reads report contents: retention works on a case's coarse dates and its
 * channel's period; the figures are counts, shares and medians of workflow dates, with small
 * counts suppressed. docs/design.md properties 6, 8 and 9.
 */
package org.candor.portal.governance;
