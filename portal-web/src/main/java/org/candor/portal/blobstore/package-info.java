/**
 * The blob store: write-once files of ciphertext (reports, attachments, messages), on the file
 * system by default.
 *
 * <p>Nothing in clear is ever written here; callers hand in a stream that a sealer feeds.
 */
package org.candor.portal.blobstore;
