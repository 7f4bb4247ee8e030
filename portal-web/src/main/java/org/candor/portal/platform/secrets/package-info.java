/**
 * The portal's own master secret and what is derived from it: keys that seal server-held
 * secrets (staff TOTP seeds) and, later, the reply-code pepper.
 *
 * <p>The master key lives in a file outside the database so that a database copy alone gives
 * none of these away.
 */
package org.candor.portal.platform.secrets;
