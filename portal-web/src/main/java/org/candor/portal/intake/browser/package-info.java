/**
 * Reports sealed in the whistleblower's browser (docs/protocol.md, "Sealed in the browser"):
 * the JSON endpoint that gives the page the channel's recipient keys and limits, and the
 * endpoint that takes only ciphertext, a pre-handle and a locked whistleblower key, inspects
 * every message without a key and stores the same case rows as the no-JavaScript path.
 *
 * <p>Keeps docs/design.md properties 1, 2, 3 and 5: nothing here ever sees an answer, a file, a
 * file name or a reply code in clear. What must not live here: any decryption, any parsing of
 * report contents, any logging of request data.
 */
package org.candor.portal.intake.browser;
