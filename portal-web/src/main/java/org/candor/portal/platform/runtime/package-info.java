/**
 * The process the portal runs in: what it leaves on the machine outside its data folder, and
 * how a start cleans up after a process that was killed.
 */
package org.candor.portal.platform.runtime;
