/**
 * Uploads into a case, shared by every path that takes one (the report with and without
 * JavaScript, the whistleblower's messages and appeal with and without JavaScript, the desk's
 * replies and notes): reading a {@code multipart/form-data} body as a stream within its bounds,
 * with its form token first, and draining what a refused request still carries
 * ({@link org.candor.portal.casefile.upload.Multipart}); reading a message form into a draft
 * ({@link org.candor.portal.casefile.upload.MessageForm}); and inspecting what the browser sealed,
 * part by part, into pending blobs ({@link org.candor.portal.casefile.upload.InspectedUpload}).
 * What the server seals itself goes through {@link org.candor.portal.casefile.SealedBlobs}.
 *
 * <p>The features decide what a body must hold and render the answer. Nothing read here is
 * spooled to disk or kept in clear (docs/design.md properties 1 and 10); a refused or broken
 * upload leaves no blob behind. What must not live here: any decryption, any page or JSON answer,
 * any logging of request data.
 */
package org.candor.portal.casefile.upload;
