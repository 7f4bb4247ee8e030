/**
 * Languages and user-facing text: which languages the portal speaks ({@code candor.languages}),
 * which one a request gets, and where its words come from.
 *
 * <p>All text a person reads comes from the {@code i18n/messages} bundles; no page or message
 * is written in code.
 */
package org.candor.portal.platform.i18n;
