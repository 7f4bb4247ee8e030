/**
 * Load on the intake: a seeder for a stopped portal's embedded database and a load generator
 * that sends reports to a portal on this machine (benchmarks/intake-load.sh runs both).
 */
package org.candor.bench.intake;
