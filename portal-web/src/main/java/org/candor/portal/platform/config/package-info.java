/**
 * The portal's configuration (MicroProfile Config) and the roles an instance serves.
 *
 * <p>Every setting has a default that runs the whole portal on one machine; operators override
 * them with environment variables (docs/operations.md).
 */
package org.candor.portal.platform.config;
