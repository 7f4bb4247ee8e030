/**
 * Reporting channels: the aggregate ({@link org.candor.portal.channel.Channel}), its texts per
 * language, its recipients, its questionnaire as value objects that validate themselves, the
 * check of a whistleblower's answers against it, and its repository.
 *
 * <p>Shared by the intake (which lists published channels, renders a channel's questionnaire
 * and checks answers with {@link org.candor.portal.channel.Channel#checkAnswers}) and the admin
 * feature (which manages channels). Keys are read only through
 * {@link org.candor.portal.channel.RecipientKeys}. Nothing about reports is stored here:
 * answers pass through in memory and are never logged.
 */
package org.candor.portal.channel;
