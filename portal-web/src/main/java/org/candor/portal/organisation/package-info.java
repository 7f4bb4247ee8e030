/**
 * Who runs the portal: the organisation's name, logo, a contact for questions about the process
 * and its privacy notice, set by an administrator and shown on every public page, so that a person
 * about to report knows whom they are trusting. Nothing here is secret; none of it says anything
 * about a report or a whistleblower.
 */
package org.candor.portal.organisation;
