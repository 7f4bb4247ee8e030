/**
 * The contact feature's public pages under {@code /contact}: sign-in with the reply code, the
 * conversation, sending a message with files, the status with its deadlines, and the appeal.
 * Templates live under {@code templates/public/contact/} only; every page works without
 * JavaScript.
 */
package org.candor.portal.contact.web;
