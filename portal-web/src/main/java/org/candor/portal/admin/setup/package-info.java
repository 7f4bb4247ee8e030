/**
 * First-run setup: the one-time console link that creates the first administrator.
 *
 * <p>The link's token ({@link org.candor.portal.platform.secrets.OneTimeToken}) is printed on the
 * console only; the database keeps its SHA-256 digest.
 */
package org.candor.portal.admin.setup;
