// Encryption in the whistleblower's browser, as progressive enhancement of the report form.
// The exact protocol is docs/protocol.md, "Sealed in the browser"; the reply code and its
// derivation are "Reply codes". Keeps DESIGN.md properties 1, 2, 3 and 5: answers, files,
// file names and the reply code never leave the browser in clear. When anything fails before
// the upload, the page says so and the form is left as the plain form (encrypted on arrival),
// never sending plaintext on its own.
import * as openpgp from '/static/openpgp.min.mjs';

export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_SYMBOLS = 26;
const CHECK_PRIME = 1021;
const encoder = new TextEncoder();

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
  return canonical.length === 28 && remainder === 0;
}

/** Seven groups of four joined by dashes. */
export function display(canonical) {
  return canonical.match(/.{4}/g).join('-');
}

function base64url(bytes) {
  let binary = '';
  for (const b of bytes) {
    binary += String.fromCharCode(b);
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function hex(bytes) {
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

/** The same cleaning of a file name as the server's (intake FileNames.clean). */
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

/** Seals one stream or byte array to the recipients; resolves to a Blob of the binary OpenPGP message. */
async function seal(content, encryptionKeys, compress, signal, onBytes) {
  const message = await openpgp.createMessage({binary: content, format: 'binary', filename: '', date: new Date(0)});
  const sealed = await openpgp.encrypt({
    message, encryptionKeys, format: 'binary',
    config: {
      preferredCompressionAlgorithm: compress ? openpgp.enums.compression.zlib : openpgp.enums.compression.uncompressed,
    },
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

/** Reads the answers from the form in questionnaire order, as the server's check would accept them. */
function answersOf(form, fields) {
  const answers = {};
  for (const field of fields) {
    if (field.type === 'FILE') {
      continue;
    }
    let values;
    if (field.type === 'SINGLE_CHOICE' || field.type === 'MULTIPLE_CHOICE') {
      values = Array.from(form.querySelectorAll('input[name="' + CSS.escape(field.key) + '"]'))
        .filter(input => input.checked).map(input => input.value);
    } else {
      const element = form.elements.namedItem(field.key);
      values = element ? [element.value.replace(/\r\n/g, '\n')] : [];
    }
    values = values.filter(v => v.trim() !== '');
    if (values.length > 0) {
      answers[field.key] = values;
    }
  }
  return answers;
}

/** The files chosen, with their item ids, after checking the channel's limits; null when over a limit. */
function filesOf(form, fields, limits) {
  const files = [];
  let total = 0;
  for (const field of fields.filter(f => f.type === 'FILE')) {
    const input = form.elements.namedItem(field.key);
    const chosen = input && input.files ? Array.from(input.files) : [];
    if (chosen.length > field.maxFiles) {
      return null;
    }
    for (const file of chosen) {
      if (file.size > Math.min(field.maxFileBytes, limits.maxFileBytes)) {
        return null;
      }
      total += file.size;
      files.push({item: crypto.randomUUID(), field: field.key, file});
    }
  }
  if (files.length > 0 && (!limits.filesAllowed || files.length > limits.maxFiles || total > limits.maxTotalBytes)) {
    return null;
  }
  return files;
}

/** Sends the multipart body with progress; resolves to {status, body}. */
function upload(url, body, signal, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.responseType = 'json';
    request.setRequestHeader('Accept', 'application/json');
    request.upload.onprogress = event => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => resolve({status: request.status, body: request.response});
    request.onerror = () => reject(new Error('the upload failed'));
    request.onabort = () => reject(new DOMException('cancelled', 'AbortError'));
    signal.addEventListener('abort', () => request.abort(), {once: true});
    request.send(body);
  });
}

async function fetchKeys(slug) {
  const response = await fetch('/report/' + encodeURIComponent(slug) + '/keys',
    {headers: {Accept: 'application/json'}, credentials: 'same-origin', cache: 'no-store'});
  if (!response.ok) {
    throw new Error('no keys');
  }
  const described = await response.json();
  const keys = [];
  for (const recipient of described.recipients) {
    const key = await openpgp.readKey({armoredKey: recipient.key});
    if (key.getFingerprint().toUpperCase() !== recipient.fingerprint.toUpperCase()) {
      throw new Error('a key does not match its fingerprint');
    }
    keys.push(key);
  }
  return {described, keys};
}

async function enhance() {
  const form = document.querySelector('form.report');
  const box = document.getElementById('sealed');
  if (!form || !box || !window.crypto || !crypto.subtle || !window.TransformStream) {
    return;
  }
  const slug = form.getAttribute('action').split('/')[2];
  await selfTest();
  let channel = await fetchKeys(slug);

  const list = document.getElementById('sealed-fingerprints');
  for (const recipient of channel.described.recipients) {
    const item = document.createElement('li');
    const code = document.createElement('code');
    code.textContent = recipient.fingerprint.match(/.{1,4}/g).join(' ');
    item.append(code);
    list.append(item);
  }
  const what = document.getElementById('what-encrypted');
  if (what) {
    what.textContent = document.getElementById('sealed-available').textContent;
  }
  box.hidden = false;

  const progress = document.getElementById('sealed-progress');
  const phase = document.getElementById('sealed-phase');
  const bar = document.getElementById('sealed-bar');
  const problem = document.getElementById('sealed-problem');
  const submit = form.querySelector('button[type="submit"]');
  let controller = null;
  document.getElementById('sealed-cancel').addEventListener('click', () => controller && controller.abort());

  const showProblem = (message, fallback) => {
    document.getElementById('sealed-message').textContent = message;
    document.getElementById('sealed-fallback').textContent = fallback ? problem.dataset.fallback : '';
    problem.hidden = false;
  };

  const onSubmit = async event => {
    event.preventDefault();
    problem.hidden = true;
    if (!form.reportValidity()) {
      return;
    }
    const files = filesOf(form, channel.described.fields, channel.described.limits);
    if (files === null) {
      showProblem(problem.dataset.invalid + ' ' + (form.querySelector('#files-heading + .hint') || {}).textContent, false);
      return;
    }
    controller = new AbortController();
    const signal = controller.signal;
    submit.disabled = true;
    progress.hidden = false;
    phase.textContent = phase.dataset.encrypting;
    bar.value = 0;
    let uploading = false;
    try {
      const code = newReplyCode();
      const {preHandle, lockSecret} = await derive(code);
      const {privateKey, publicKey} = await openpgp.generateKey({
        type: 'ecc', curve: 'curve25519Legacy', userIDs: [{name: 'Candor case key'}],
        passphrase: lockSecret, format: 'object',
      });
      const encryptionKeys = [...channel.keys, publicKey];
      const totalBytes = files.reduce((sum, f) => sum + f.file.size, 0) || 1;
      let sealedBytes = 0;
      const onBytes = n => {
        sealedBytes += n;
        bar.value = Math.min(50, (50 * sealedBytes) / totalBytes);
      };
      const report = {
        format: 'candor-report-v1',
        channel: channel.described.channel,
        language: (document.documentElement.lang || 'en').slice(0, 2),
        answers: answersOf(form, channel.described.fields),
        attachments: files.map(f => ({item: f.item, field: f.field, name: cleanName(f.file.name),
          type: cleanType(f.file.type), size: f.file.size})),
      };
      const sealedFiles = [];
      for (const f of files) {
        sealedFiles.push(await seal(f.file.stream(), encryptionKeys, false, signal, onBytes));
      }
      const sealedReport = await seal(encoder.encode(JSON.stringify(report)), encryptionKeys, true, signal, () => {});
      const body = new FormData();
      body.append('token', channel.described.token);
      body.append('prehandle', preHandle);
      body.append('whistleblower-key', new Blob([privateKey.write()], {type: 'application/pgp-keys'}), 'sealed');
      body.append('report', sealedReport, 'sealed');
      files.forEach((f, i) => body.append('file-' + f.item, sealedFiles[i], 'sealed'));
      uploading = true;
      phase.textContent = phase.dataset.uploading;
      bar.value = 50;
      const answer = await upload('/report/' + encodeURIComponent(slug) + '/sealed', body, signal,
        share => { bar.value = 50 + 50 * share; });
      if (answer.status === 200 && answer.body && answer.body.status === 'received') {
        document.getElementById('reply-code').textContent = display(code);
        document.getElementById('received-on').textContent = answer.body.receivedOn;
        document.getElementById('acknowledge-by').textContent = answer.body.acknowledgeBy;
        document.getElementById('feedback-by').textContent = answer.body.feedbackBy;
        form.reset();
        form.remove();
        box.remove();
        document.querySelectorAll('.notice, #form-problems').forEach(e => e.remove());
        document.getElementById('sealed-received').hidden = false;
        document.getElementById('reply-code').scrollIntoView();
        return;
      }
      const message = answer.body && answer.body.message ? answer.body.message : problem.dataset.failed;
      throw Object.assign(new Error('refused'), {shown: message});
    } catch (failure) {
      progress.hidden = true;
      submit.disabled = false;
      if (failure.name === 'AbortError') {
        showProblem(problem.dataset.cancelled, false);
        channel = await fetchKeys(slug).catch(() => channel); // a fresh token for the next try
        return;
      }
      // Fall back to the plain form, and say so: the next submit goes to the server in clear.
      form.removeEventListener('submit', onSubmit);
      showProblem(failure.shown || problem.dataset.failed, true);
      if (what) {
        what.textContent = document.getElementById('sealed-fallback').textContent;
      }
      box.querySelector('#sealed-available').hidden = true;
    } finally {
      controller = null;
      if (!uploading) {
        bar.value = 0;
      }
    }
  };
  form.addEventListener('submit', onSubmit);
}

enhance().catch(() => {
  // Without the keys or a working WebCrypto, the page stays the plain form, which says
  // truthfully that it is encrypted on arrival at the server.
});
