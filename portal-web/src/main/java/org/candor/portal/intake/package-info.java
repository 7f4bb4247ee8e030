/**
 * The intake: the public pages where a whistleblower chooses a channel and reports.
 *
 * <p>The intake holds no private key; it stores only what was sealed for the channel's
 * recipients (docs/design.md properties 1 and 2). It never reads a client's address or user agent.
 */
package org.candor.portal.intake;
