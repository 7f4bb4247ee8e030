/**
 * Build steps of the runnable bundle that Maven's plugins do not offer: today, rewriting the jar
 * that Payara Micro writes so that the same sources always give the same bytes.
 *
 * <p>Nothing here is part of the running portal; it runs once, at build time.
 */
package org.candor.deploy.build;
