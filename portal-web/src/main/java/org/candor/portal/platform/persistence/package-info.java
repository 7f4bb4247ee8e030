/**
 * The database: the pooled data source (H2 or PostgreSQL, chosen by configuration) and the
 * schema migrations run at start.
 *
 * <p>Only ciphertext and minimal workflow metadata are ever stored (docs/design.md property 1);
 * SQL parameters are never logged.
 */
package org.candor.portal.platform.persistence;
