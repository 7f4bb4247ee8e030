/**
 * The portal's data directory on disk: who may read it. Everything Candor writes there (database,
 * blobs, search index, keys) is for the portal's own user only, whatever the umask it was started
 * with (docs/design.md property 6; docs/operations.md, "Data directory").
 *
 * <p>What must not live here: anything that reads or writes the contents of those files.
 */
package org.candor.portal.platform.storage;
