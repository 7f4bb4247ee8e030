/**
 * Oversight: the audit log and its verification, appeals, and the public transparency figures.
 *
 * <p>Oversight sees who did what and when, never report contents (docs/design.md property 8).
 */
package org.candor.portal.oversight;
