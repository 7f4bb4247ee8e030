/**
 * Benchmarks of submission-crypto: JMH micro-benchmarks (reply-code derivation, whistleblower key generation,
 * seal/open throughput) and {@code CryptoFileTool}, the small command that {@code benchmarks/crypto.sh} times against
 * gpg. Not tests: nothing here fails on time. What must not live here: anything the product calls.
 */
package org.candor.bench.crypto;
