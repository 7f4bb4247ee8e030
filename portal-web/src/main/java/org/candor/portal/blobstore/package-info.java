/**
 * The blob store: write-once blobs of ciphertext (reports, attachments, messages), as files by
 * default or in the database ({@code candor.blobs.store}, {@link org.candor.portal.blobstore.BlobStores}).
 *
 * <p>Nothing in clear is ever written here; callers hand in a stream that a sealer feeds.
 */
package org.candor.portal.blobstore;
