/**
 * The Bouncy Castle side of Candor's crypto: key generation and validation ({@code Keys}), packet-level sealing,
 * opening and inspection ({@code Messages}), the fast AES-NI symmetric layer for SEIPDv1 ({@code FastCfb}) and
 * HKDF ({@code Hkdf}).
 *
 * <p>Not an API: only {@code org.candor.crypto} calls into this package, and other modules must not (the classes are
 * public only because Java has no friend packages). What must not live here: decisions about which messages or keys
 * are acceptable that are not also documented in docs/protocol.md, and any code path that hands plaintext on
 * without the integrity check at its end.
 */
package org.candor.crypto.internal;
