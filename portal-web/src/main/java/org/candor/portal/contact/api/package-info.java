/**
 * The contact feature's JSON endpoints under {@code /contact/browser}, for the page that keeps
 * the reply code and everything it opens in the browser (docs/protocol.md, "Contact with
 * JavaScript"): sign-in with a pre-handle, the case's locked key and recipients, ciphertext of
 * the items shared with the whistleblower, and messages sealed in the browser. Nothing here
 * ever receives or returns plaintext of a case; every upload is inspected before it is kept.
 */
package org.candor.portal.contact.api;
