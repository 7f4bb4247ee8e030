/**
 * The investigator's desk under measurement: a seeder for a stopped portal's embedded database and a client that
 * reports a case with large attachments, signs in, unlocks the key and times opening the case and downloading its
 * files (benchmarks/case-open.sh runs both).
 */
package org.candor.bench.desk;
