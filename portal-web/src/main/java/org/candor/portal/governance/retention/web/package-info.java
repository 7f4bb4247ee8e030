/**
 * Retention pages: the administrator's overview of what is due ({@code /admin/retention}), and
 * the investigator's extension and legal hold of their cases ({@code /desk/retention}). Metadata
 * only; no page here opens a case.
 */
package org.candor.portal.governance.retention.web;
