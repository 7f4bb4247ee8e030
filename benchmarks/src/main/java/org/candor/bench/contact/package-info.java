/**
 * Contact sign-in benchmarks: the crypto work of one sign-in in a warm JVM
 * ({@code SignInCost}) and right against wrong reply codes over HTTP against a portal on this
 * machine ({@code ContactSignInLoad}, run by benchmarks/contact-signin.sh).
 */
package org.candor.bench.contact;
