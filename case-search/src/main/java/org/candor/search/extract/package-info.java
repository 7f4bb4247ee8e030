/**
 * Text extraction from decrypted attachments (Apache Tika: plain text, PDF, Office), with size,
 * length and time limits and typed failures.
 *
 * <p>Nothing here may write an attachment or its text to disk or to a log; it hands text back in
 * memory only.
 */
package org.candor.search.extract;
