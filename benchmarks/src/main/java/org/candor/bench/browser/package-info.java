/**
 * Encryption in the whistleblower's browser, measured in headless Chromium against a portal on
 * this machine (benchmarks/browser-sealing.sh starts the portal and runs it): throughput of the
 * sealing worker alone and of sealing plus upload, the tab's memory while it runs, and the weight
 * of the JavaScript the report page loads. Not a test: it asserts nothing.
 */
package org.candor.bench.browser;
