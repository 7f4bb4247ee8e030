// The browser's share of Candor's cryptography, used by every page that seals or opens in the
// browser (report.mjs for the intake, contact.mjs for the way back in). docs/protocol.md,
// "Reply codes" and "Sealed in the browser", give the exact formats. Keeps docs/design.md properties
// 2, 3 and 5: the reply code and its lock secret stay in the browser; only the pre-handle and
// OpenPGP ciphertext leave it.
import * as openpgp from '/static/openpgp.min.mjs';

export {openpgp};

export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_SYMBOLS = 26;
const LENGTH = 28;
const CHECK_PRIME = 1021;
export const encoder = new TextEncoder();

/** The published test vector (docs/protocol.md, "Test vector"). */
export const TEST_VECTOR = Object.freeze({
  canonical: 'CANDR0TESTVECT0R123456789069',
  preHandle: 'UtUElChEMoX2pJvRJ4aMYkWomBYsZl5HdgSvt5ilJss',
  lockSecret: 'b6f173ec03d65a58e762f20e11c5605f60a03bbe9ab3fdfd7f47966ddf2b725c',
});

/** A new reply code in canonical form: 26 random symbols and 2 check symbols. */
export function newReplyCode() {
  const random = crypto.getRandomValues(new Uint8Array(RANDOM_SYMBOLS));
  let symbols = '';
  let remainder = 0;
  for (const byte of random) {
    const value = byte & 31; // 256 is a multiple of 32: uniform
    symbols += ALPHABET[value];
    remainder = (remainder * 32 + value) % CHECK_PRIME;
  }
  random.fill(0);
  const check = (((-(remainder * 1024)) % CHECK_PRIME) + CHECK_PRIME) % CHECK_PRIME;
  return symbols + ALPHABET[Math.floor(check / 32)] + ALPHABET[check % 32];
}

/** Whether 28 symbols pass the check (divisible by 1021 as one base-32 number). */
export function checks(canonical) {
  let remainder = 0;
  for (const c of canonical) {
    const value = ALPHABET.indexOf(c);
    if (value < 0) {
      return false;
    }
    remainder = (remainder * 32 + value) % CHECK_PRIME;
  }
  return canonical.length === LENGTH && remainder === 0;
}

/**
 * Reads a code as a person typed it, by the same rules as the server's ReplyCode.parse: spaces,
 * tabs, line breaks, no-break spaces, dashes and underscores ignored, any case, O read as 0, I and
 * L as 1. Answers {canonical} or {problem: 'letter-u' | 'not-a-symbol' | 'length' | 'typo',
 * position, count}; a problem never repeats the code.
 */
export function parseReplyCode(typed) {
  let canonical = '';
  let count = 0;
  for (const raw of typed) {
    let c = raw.toUpperCase();
    if (c === ' ' || c === '-' || c === '_' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0') {
      continue;
    }
    c = c === 'O' ? '0' : c === 'I' || c === 'L' ? '1' : c;
    if (c.length !== 1 || ALPHABET.indexOf(c) < 0) {
      return {problem: c === 'U' ? 'letter-u' : 'not-a-symbol', position: count + 1};
    }
    if (count < LENGTH) {
      canonical += c;
    }
    count++;
  }
  if (count !== LENGTH) {
    return {problem: 'length', count};
  }
  return checks(canonical) ? {canonical} : {problem: 'typo'};
}

/** Seven groups of four joined by dashes. */
export function display(canonical) {
  return canonical.match(/.{4}/g).join('-');
}

export function base64url(bytes) {
  let binary = '';
  for (const b of bytes) {
    binary += String.fromCharCode(b);
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function hex(bytes) {
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

/** The pre-handle (base64url) and the lock secret (lower-case hex) of a code, with WebCrypto HKDF-SHA-256. */
export async function derive(canonical) {
  const ikm = await crypto.subtle.importKey('raw', encoder.encode(canonical), 'HKDF', false, ['deriveBits']);
  const bits = async info => new Uint8Array(await crypto.subtle.deriveBits({
    name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('candor/reply-code/v1'), info: encoder.encode(info),
  }, ikm, 256));
  const preHandle = await bits('candor/pre-handle/v1');
  const lockSecret = await bits('candor/lock-secret/v1');
  const result = {preHandle: base64url(preHandle), lockSecret: hex(lockSecret)};
  lockSecret.fill(0);
  return result;
}

/** Checks this browser's HKDF against the published vector; throws when it disagrees. */
export async function selfTest() {
  const derived = await derive(TEST_VECTOR.canonical);
  if (derived.preHandle !== TEST_VECTOR.preHandle || derived.lockSecret !== TEST_VECTOR.lockSecret
      || !checks(TEST_VECTOR.canonical)) {
    throw new Error('the reply-code derivation of this browser disagrees with the protocol');
  }
  return derived;
}

/** The same cleaning of a file name as the server's (SafeFileNames.clean). */
export function cleanName(raw) {
  let name = raw.slice(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
  name = Array.from(name).filter(c => !/[\p{Cc}\p{Cf}]/u.test(c)).join('').trim();
  name = name.replace(/^\.+/, '');
  if (name.length > 200) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
    name = name.slice(0, 200 - extension.length) + extension;
  }
  return name === '' && raw !== '' ? 'file' : name;
}

/** The same cleaning of a declared type as the server's. */
export function cleanType(declared) {
  const type = (declared || '').split(';')[0].trim().toLowerCase();
  return /^[a-z0-9!#$&^_.+-]{1,64}\/[a-z0-9!#$&^_.+-]{1,64}$/.test(type) ? type : 'application/octet-stream';
}

/** A stream that counts the bytes flowing through it. */
function counter(onBytes) {
  return new TransformStream({
    transform(chunk, controller) {
      onBytes(chunk.length);
      controller.enqueue(chunk);
    },
  });
}

/**
 * PADMÉ (docs/protocol.md, "Padding"): the length rounded up so that only about log2(log2(n))
 * significant bits remain; at most about 12 % more.
 */
export function padme(length) {
  if (length < 2) {
    return length;
  }
  const step = padmeStep(length);
  return Math.ceil(length / step) * step;
}

/** The width of the PADMÉ bucket of a length: sizes within it look alike once padded. */
function padmeStep(length) {
  if (length < 2) {
    return 1;
  }
  const e = length.toString(2).length - 1;
  return 2 ** (e - e.toString(2).length);
}

/** Bytes of a new-format OpenPGP length for a body of n bytes. */
function lengthBytes(n) {
  return n < 192 ? 1 : n < 8384 ? 2 : 5;
}

/** The smallest padding packet Candor writes (header and 16 random bytes), as the server does. */
const MIN_PADDING_PACKET = 18;

/** The body length of the padding packet that brings contentBytes of encrypted content to a PADMÉ size. */
export function paddingBody(contentBytes) {
  let target = padme(contentBytes + MIN_PADDING_PACKET);
  for (;;) {
    const total = target - contentBytes;
    for (let header = 2; header <= 6; header++) {
      const body = total - header;
      if (body >= 0 && 1 + lengthBytes(body) === header) {
        return body;
      }
    }
    target = padme(target + 1);
  }
}

/** Literal header of every sealed item: format 'b', empty file name, date 0. */
const LITERAL_HEADER = 6;
/** OpenPGP.js emits a partial body chunk of a streamed packet once this many bytes are buffered. */
const PARTIAL_MIN = 512;

/**
 * Follows the framing OpenPGP.js 6 gives a streamed literal packet (PacketList.write: one partial
 * chunk of the largest power of two buffered, each time a chunk arrives and 512 bytes are
 * buffered), so that the padding can bring the exact encrypted content to a PADMÉ size.
 */
class LiteralFraming {
  constructor() {
    this.buffered = LITERAL_HEADER;
    this.length = 1; // the packet tag
  }

  add(n) {
    this.buffered += n;
    if (this.buffered >= PARTIAL_MIN) {
      const chunk = 2 ** Math.min(this.buffered.toString(2).length - 1, 30);
      this.length += 1 + chunk;
      this.buffered -= chunk;
    }
  }

  end() {
    return this.length + lengthBytes(this.buffered) + this.buffered;
  }
}

/**
 * Cuts a stream into pieces of exactly `size` bytes (the last one shorter), so that the number of
 * partial chunks of the sealed message depends on the padded size only, and follows the framing.
 */
function evenPieces(size, framing) {
  let pending = [];
  let pendingBytes = 0;
  const emit = (controller, bytes) => {
    framing.add(bytes.length);
    controller.enqueue(bytes);
  };
  return new TransformStream({
    transform(chunk, controller) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      while (pendingBytes >= size) {
        const all = new Uint8Array(pendingBytes);
        let at = 0;
        for (const part of pending) {
          all.set(part, at);
          at += part.length;
        }
        emit(controller, all.slice(0, size));
        pending = [all.subarray(size)];
        pendingBytes -= size;
      }
    },
    flush(controller) {
      if (pendingBytes > 0) {
        const all = new Uint8Array(pendingBytes);
        let at = 0;
        for (const part of pending) {
          all.set(part, at);
          at += part.length;
        }
        emit(controller, all);
      }
    },
  });
}

/** A padding packet whose random body is made once `bodyLength` (a promise) is known. */
function lazyPadding(bodyLength) {
  const packet = new openpgp.PaddingPacket();
  packet.padding = new ReadableStream({
    async pull(controller) {
      const length = await bodyLength;
      const body = new Uint8Array(length);
      for (let at = 0; at < length; at += 65536) {
        crypto.getRandomValues(body.subarray(at, Math.min(length, at + 65536)));
      }
      if (length > 0) {
        controller.enqueue(body);
      }
      controller.close();
    },
  });
  return packet;
}

/**
 * Seals one stream (of `size` bytes) or byte array to the recipients, padded to a PADMÉ size
 * inside the encryption (docs/protocol.md, "Padding"); resolves to a Blob of the binary OpenPGP
 * message. Nothing is compressed: the padding must know the exact length of what it pads.
 */
export async function seal(content, encryptionKeys, signal, onBytes, size = 0) {
  let message;
  if (content instanceof Uint8Array) {
    message = await openpgp.createMessage({binary: content, format: 'binary', filename: '', date: new Date(0)});
    const literal = 1 + lengthBytes(LITERAL_HEADER + content.length) + LITERAL_HEADER + content.length;
    const padding = new openpgp.PaddingPacket();
    await padding.createPadding(paddingBody(literal));
    message.packets.push(padding);
  } else {
    const framing = new LiteralFraming();
    let ended;
    const literalLength = new Promise(resolve => { ended = resolve; });
    const piece = Math.max(65536, padmeStep(size));
    const pieces = content.pipeThrough(evenPieces(piece, framing)).pipeThrough(new TransformStream({
      flush() {
        ended(framing.end());
      },
    }));
    message = await openpgp.createMessage({binary: pieces, format: 'binary', filename: '', date: new Date(0)});
    message.packets.push(lazyPadding(literalLength.then(paddingBody)));
  }
  const sealed = await openpgp.encrypt({
    message, encryptionKeys, format: 'binary',
    config: {preferredCompressionAlgorithm: openpgp.enums.compression.uncompressed},
  });
  if (signal.aborted) {
    throw new DOMException('cancelled', 'AbortError');
  }
  if (sealed instanceof Uint8Array) {
    return new Blob([sealed]);
  }
  const stream = sealed.pipeThrough(counter(onBytes), {signal});
  return new Response(stream).blob();
}

/**
 * Reads the recipients of a keys answer ({fingerprint, key} each) and checks that each key has
 * the fingerprint given beside it; throws otherwise.
 */
export async function readRecipients(recipients) {
  const keys = [];
  for (const recipient of recipients) {
    const key = await openpgp.readKey({armoredKey: recipient.key});
    if (key.getFingerprint().toUpperCase() !== recipient.fingerprint.toUpperCase()) {
      throw new Error('a key does not match its fingerprint');
    }
    keys.push(key);
  }
  return keys;
}

/**
 * Sends a multipart body with progress; resolves to {status, body}. One XMLHttpRequest: the
 * browser streams Blobs in the body from its own storage and reports upload progress. onSent,
 * if given, is called once the whole body has left, when aborting can no longer stop it.
 */
export function upload(url, body, signal, onProgress, onSent = () => {}, headers = {}) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.responseType = 'json';
    request.setRequestHeader('Accept', 'application/json');
    Object.entries(headers).forEach(([name, value]) => request.setRequestHeader(name, value));
    request.upload.onprogress = event => event.lengthComputable && onProgress(event.loaded / event.total);
    request.upload.onload = () => onSent();
    request.onload = () => resolve({status: request.status, body: request.response});
    request.onerror = () => reject(new Error('the upload failed'));
    request.onabort = () => reject(new DOMException('cancelled', 'AbortError'));
    signal.addEventListener('abort', () => request.abort(), {once: true});
    request.send(body);
  });
}
