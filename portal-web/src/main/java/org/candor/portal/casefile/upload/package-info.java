/**
 * Uploads into a case, shared by every path that takes one (the report with and without
 * JavaScript, the whistleblower's messages and appeal, the desk's replies and notes): reading a
 * {@code multipart/form-data} body as a stream within its bounds ({@link
 * org.candor.portal.casefile.upload.Multipart}), and draining what a refused request still carries.
 * The features decide what a body must hold and render the answer; what is read here goes
 * straight into pending blobs, sealed or inspected, and is never spooled in clear
 * (docs/design.md properties 1 and 10).
 *
 * <p>What must not live here: any decryption, any page or JSON answer, any logging of request data.
 */
package org.candor.portal.casefile.upload;
