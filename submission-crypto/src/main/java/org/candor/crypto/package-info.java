/**
 * Candor's crypto API: OpenPGP sealing and opening of reports, files and messages, investigator and whistleblower
 * keys, reply codes and the values derived from them. Keeps docs/design.md properties 1 to 5.
 *
 * <p>What lives here: small, hard-to-misuse types in Tink's style. {@link org.candor.crypto.Sealer} and
 * {@link org.candor.crypto.Opener} (with {@link org.candor.crypto.OpenedStream} and
 * {@link org.candor.crypto.PlaintextSink}), {@link org.candor.crypto.CiphertextInspector},
 * {@link org.candor.crypto.RecipientKey}, {@link org.candor.crypto.InvestigatorKey},
 * {@link org.candor.crypto.WhistleblowerKey}, {@link org.candor.crypto.UnlockedKey},
 * {@link org.candor.crypto.ReplyCode}, {@link org.candor.crypto.ReplyCodeDerivation},
 * {@link org.candor.crypto.Pepper}, {@link org.candor.crypto.PreHandle}, {@link org.candor.crypto.LookupHandle},
 * {@link org.candor.crypto.LockSecret}, and the typed refusals under {@link org.candor.crypto.CryptoException}.
 *
 * <p>What must not live here: Bouncy Castle types in any public or protected signature, any switch that turns
 * integrity protection off, any {@code toString()} that prints secret material, logging. Formats and the reasons
 * for each choice are in docs/protocol.md.
 */
package org.candor.crypto;
