// Proof of work for a report sent while the intake is under pressure (docs/protocol.md,
// "Anti-abuse"; docs/design.md property 12). A module Worker started by report.mjs from the portal
// itself (CSP worker-src 'self'), so the page stays responsive while it hashes. It looks for a
// counter such that SHA-256 of "challenge.counter" begins with the asked number of zero bits; the
// server checks the answer with one hash. Nothing of the report is seen here.
//
// Message in:   {challenge: string, bits: number}
// Message out:  {proof: "challenge.counter"}, or {failed: reason}
const encoder = new TextEncoder();
/** Hashes in flight at once: WebCrypto's digest is asynchronous, and batches keep it busy. */
const BATCH = 512;

function leadingZeroBits(hash, bits) {
  for (let i = 0; i < bits; i++) {
    if (hash[i >> 3] & (0x80 >> (i & 7))) {
      return false;
    }
  }
  return true;
}

self.onmessage = async ({data}) => {
  try {
    for (let start = 0; start < Number.MAX_SAFE_INTEGER; start += BATCH) {
      const candidates = [];
      for (let counter = start; counter < start + BATCH; counter++) {
        candidates.push(data.challenge + '.' + counter);
      }
      const hashes = await Promise.all(candidates.map(text => crypto.subtle.digest('SHA-256', encoder.encode(text))));
      const found = hashes.findIndex(hash => leadingZeroBits(new Uint8Array(hash), data.bits));
      if (found >= 0) {
        self.postMessage({proof: candidates[found]});
        return;
      }
    }
    self.postMessage({failed: 'no proof found'});
  } catch (failure) {
    self.postMessage({failed: String((failure && failure.message) || failure)});
  }
};
