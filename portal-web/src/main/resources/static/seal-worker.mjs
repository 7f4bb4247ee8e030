// Seals a report's files and its document off the page's thread (docs/protocol.md, "Sealed in
// the browser", "How the page streams"). A module Worker started by report.mjs from the portal
// itself (CSP worker-src 'self'), using the same seal as every page (sealing.mjs). Each file is
// read as a Web Stream and sealed chunk by chunk into a Blob, which the browser keeps on disk
// when it is large, so neither this worker nor the page ever holds a whole file. Nothing leaves
// this worker but ciphertext (as Blobs) and byte counts; the page stops the work by terminating
// the worker.
//
// Messages in:  {keys: [armored public keys], files: [File], report: Uint8Array}
// Messages out: {ready: true} once loaded; {progress: bytes of the files' ciphertext so far};
//               {files: [Blob], report: Blob} when done; {failed: reason} on any error.
import {openpgp, seal} from '/static/sealing.mjs';

/** Bytes sealed between two progress messages. */
const PROGRESS_STEP = 1 << 20;

self.onmessage = async ({data}) => {
  try {
    const encryptionKeys = await Promise.all(data.keys.map(armoredKey => openpgp.readKey({armoredKey})));
    const running = new AbortController().signal; // the page stops the work by terminating this worker
    let done = 0;
    let reported = 0;
    const onBytes = n => {
      done += n;
      if (done - reported >= PROGRESS_STEP) {
        reported = done;
        self.postMessage({progress: done});
      }
    };
    const files = [];
    for (const file of data.files) {
      files.push(await seal(file.stream(), encryptionKeys, running, onBytes, file.size));
    }
    self.postMessage({progress: done});
    const report = await seal(data.report, encryptionKeys, running, () => {});
    self.postMessage({files, report});
  } catch (failure) {
    self.postMessage({failed: String((failure && failure.message) || failure)});
  }
};

self.postMessage({ready: true});
