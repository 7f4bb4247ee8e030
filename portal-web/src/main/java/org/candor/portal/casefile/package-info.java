/**
 * The shared core of a case: the aggregate ({@link org.candor.portal.casefile.CaseFile}) with its
 * status machine and legal deadlines, its sealed items, its repository, and the reply-code
 * handles that find a case; used by the intake, contact, desk and oversight features alike.
 *
 * <p>Only workflow metadata lives here (status, coarse dates); report contents are ciphertext
 * handled by the features, never fields of these types.
 */
package org.candor.portal.casefile;
