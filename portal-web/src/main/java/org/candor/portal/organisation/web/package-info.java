/**
 * The organisation on the web: its name, logo, contact and privacy-notice link in every public
 * page's layout, the privacy notice and the logo as public pages, and the administrator's form to
 * change them.
 */
package org.candor.portal.organisation.web;
