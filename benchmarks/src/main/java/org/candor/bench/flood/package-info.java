/**
 * Hostile visitors against a portal on this machine while genuine people report and sign in
 * (benchmarks/flood.sh): how many genuine requests succeed and how long they take, with and
 * without the floods (docs/design.md property 12). Loopback only, bounded in count and time.
 */
package org.candor.bench.flood;
