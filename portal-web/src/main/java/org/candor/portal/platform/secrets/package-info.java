/**
 * The portal's own secrets, one key file per purpose (the reply-code pepper, the form-token key,
 * the key that seals staff TOTP seeds), each read only by the roles that need it, and the file
 * handling they share: owner-only creation, refusal of a file others can read, and the one-time
 * derivation from the single master secret of installations made before the split.
 *
 * <p>The files live outside the database so that a database copy alone gives none of these away.
 * The audit signing key is not here: it belongs to the audit package.
 */
package org.candor.portal.platform.secrets;
