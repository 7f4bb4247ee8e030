/**
 * Redress requests (appeals) against a case's outcome or handling: the {@link org.candor.portal.appeal.Appeal}
 * aggregate (one per case, pending then decided), when one may be filed, and the
 * {@link org.candor.portal.appeal.Appeals} service that files one for the whistleblower and
 * records oversight's decision. Used by the contact feature (filing, display) and by oversight
 * (deciding).
 *
 * <p>Only the state, the decision's kind and coarse dates live here; the reasons and the
 * decision's grounds are sealed case items (docs/design.md property 1).
 */
package org.candor.portal.appeal;
