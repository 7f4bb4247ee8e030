/**
 * What every page shares: the JAX-RS application, page rendering, security headers and cookie
 * attributes, the language switch, the role gate and error pages.
 *
 * <p>Nothing here reads or logs a client's address, user agent or request parameters.
 */
package org.candor.portal.platform.web;
