/**
 * Text extraction from decrypted attachments (Apache Tika: plain text, RTF, PDF, Office), run in
 * child Java processes with an in-memory temporary folder, a heap cap, a time limit and a bounded
 * answer, with typed failures.
 *
 * <p>Nothing here may write an attachment or its text to disk or to a log: the attachment goes to
 * the child through a pipe and the text comes back through a pipe; whatever Tika spools lands in
 * the child's folder on {@code tmpfs} (docs/design.md property 1).
 */
package org.candor.search.extract;
