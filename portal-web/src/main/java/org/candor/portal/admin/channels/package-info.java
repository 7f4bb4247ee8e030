/**
 * The administrator's channel pages: create a channel, its texts per language, its recipients,
 * its questionnaire (a sequence of plain forms: add, edit, move, remove), retention and upload
 * limits, publish and withdraw. {@code ChannelAdministration} is the service (one transaction
 * per form, each change audited); {@code ChannelPages} the thin web adapter; the
 * {@code *Form} records keep what was typed so that a refused form comes back unchanged.
 *
 * <p>Administrators never see report contents: nothing here reads a case.
 */
package org.candor.portal.admin.channels;
