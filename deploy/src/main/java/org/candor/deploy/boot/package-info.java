/**
 * What runs in the bundle before Payara Micro: the bundle's entry point, {@link org.candor.deploy.boot.BundleMain}.
 *
 * <p>Only JDK classes may be used here: these classes sit at the root of {@code candor.jar}, on the launcher's class
 * path, beside Payara's own launcher and nothing else.
 */
package org.candor.deploy.boot;
