/**
 * MicroProfile Health checks (liveness, and readiness that checks the database).
 *
 * <p>Checks report UP or DOWN with a name, never data: no counts, no names, no addresses.
 */
package org.candor.portal.platform.health;
