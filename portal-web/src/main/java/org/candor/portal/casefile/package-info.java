/**
 * The shared core of a case: its status machine and its legal deadlines, used by the intake,
 * contact, desk and oversight features alike.
 *
 * <p>Only workflow metadata lives here (status, coarse dates); report contents are ciphertext
 * handled by the features, never fields of these types.
 */
package org.candor.portal.casefile;
