/**
 * Reporting channels: the aggregate, its texts per language and its repository.
 *
 * <p>Shared by the intake (which lists published channels) and the admin feature (which
 * manages them). Nothing about reports lives here.
 */
package org.candor.portal.channel;
