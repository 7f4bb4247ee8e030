/**
 * The intake's public pages. Templates live under {@code templates/public/} only.
 */
package org.candor.portal.intake.web;
