/**
 * The database: the pooled data source (H2 or PostgreSQL, chosen by configuration), the
 * schema migrations run at start, and {@link org.candor.portal.platform.persistence.JdbcValues},
 * the one reader of the values native queries return from either driver, and
 * {@link org.candor.portal.platform.persistence.PlainJdbc} for statements outside the persistence
 * context; {@link org.candor.portal.platform.persistence.EmbeddedDatabase} says where the embedded
 * database lives in a data folder.
 *
 * <p>Only ciphertext and minimal workflow metadata are ever stored (docs/design.md property 1);
 * SQL parameters are never logged.
 */
package org.candor.portal.platform.persistence;
