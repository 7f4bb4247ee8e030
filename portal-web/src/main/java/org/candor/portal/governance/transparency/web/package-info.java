/**
 * The public transparency page ({@code /transparency}) with its CSV and JSON downloads of the
 * same figures, and the administrator's choice of channels to publish
 * ({@code /admin/transparency}). Works without JavaScript.
 */
package org.candor.portal.governance.transparency.web;
