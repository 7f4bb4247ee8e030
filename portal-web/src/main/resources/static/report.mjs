// Encryption in the whistleblower's browser, as progressive enhancement of the report form.
// The exact protocol is docs/protocol.md, "Sealed in the browser"; the reply code and its
// derivation are "Reply codes". Keeps docs/design.md properties 1, 2, 3 and 5: answers, files,
// file names and the reply code never leave the browser in clear. When anything fails before
// the upload, the page says so and the form is left as the plain form (encrypted on arrival),
// never sending plaintext on its own.
import {
  cleanName, cleanType, derive, display, encoder, newReplyCode, openpgp, readRecipients, selfTest, upload,
} from '/static/sealing.mjs';

// Kept importable from this module for the tests and pages that used it before the move.
export {ALPHABET, TEST_VECTOR, checks, cleanName, cleanType, derive, display, newReplyCode, selfTest}
  from '/static/sealing.mjs';

/** The key of the option chosen for the channel's category question, or null. */
function categoryOf(answers, fields) {
  const field = fields.find(f => f.category === true && f.type === 'SINGLE_CHOICE');
  const values = field ? answers[field.key] || [] : [];
  return values.length === 1 && field.options.includes(values[0]) ? values[0] : null;
}

/**
 * The one form of case key the portal accepts (docs/protocol.md, "Case keys"): every key and
 * self-signature dated 2000-01-01T00:00:00Z, never this device's clock, and the secret parts
 * locked with iterated-salted S2K, SHA-256, count byte 0 (1024 bytes hashed), AES-256.
 */
export const CASE_KEY_FORM = Object.freeze({
  date: new Date(Date.UTC(2000, 0, 1)),
  keyExpirationTime: 0,
  config: {s2kType: openpgp.enums.s2k.iterated, s2kIterationCountByte: 0, aeadProtect: false, v6Keys: false},
});

/** How long a new worker may take to load OpenPGP.js before the page gives up on it. */
const WORKER_START_MS = 30000;

/** Starts the sealing worker; resolves once it has loaded OpenPGP.js, rejects if it cannot. */
export function startWorker() {
  return new Promise((resolve, reject) => {
    const worker = new Worker('/static/seal-worker.mjs', {type: 'module'});
    const timer = setTimeout(() => {
      worker.terminate();
      reject(new Error('the sealing worker did not start'));
    }, WORKER_START_MS);
    worker.onmessage = ({data}) => {
      clearTimeout(timer);
      if (data && data.ready) {
        resolve(worker);
      } else {
        worker.terminate();
        reject(new Error('the sealing worker did not start'));
      }
    };
    worker.onerror = () => {
      clearTimeout(timer);
      worker.terminate();
      reject(new Error('the sealing worker did not start'));
    };
  });
}

/**
 * Seals the files and the report document in the worker (seal-worker.mjs); resolves to
 * {files: [Blob], report: Blob}. onBytes gets the bytes of the files sealed so far. Aborting the
 * signal terminates the worker, which stops the sealing at once.
 */
export function sealInWorker(worker, armoredKeys, files, report, signal, onBytes) {
  return new Promise((resolve, reject) => {
    const cancelled = () => {
      worker.terminate();
      reject(new DOMException('cancelled', 'AbortError'));
    };
    if (signal.aborted) {
      cancelled();
      return;
    }
    signal.addEventListener('abort', cancelled, {once: true});
    const finish = () => signal.removeEventListener('abort', cancelled);
    worker.onmessage = ({data}) => {
      if (typeof data.progress === 'number') {
        onBytes(data.progress);
      } else if (data.failed) {
        finish();
        reject(new Error('sealing failed: ' + data.failed));
      } else {
        finish();
        resolve(data);
      }
    };
    worker.onerror = event => {
      finish();
      event.preventDefault();
      reject(new Error('the sealing worker failed'));
    };
    worker.postMessage({keys: armoredKeys, files, report});
  });
}

/** Reads the answers from the form in questionnaire order, as the server's check would accept them. */
/**
 * Shows a reply code group by group, each group with its dash kept on one line, so that a narrow
 * screen wraps the code only between groups; the text stays the code as written.
 */
function showGrouped(element, code) {
  element.replaceChildren(...code.split('-').flatMap((group, i, all) => {
    const span = document.createElement('span');
    span.className = 'group';
    span.textContent = i < all.length - 1 ? group + '-' : group;
    // a break is allowed between groups even where the next one starts with a digit
    return i < all.length - 1 ? [span, document.createElement('wbr')] : [span];
  }));
}

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

/**
 * The required questions still unanswered, by the channel's own description: the browser's
 * required-field check can be switched off, this one cannot.
 */
function unanswered(form, fields) {
  const answers = answersOf(form, fields);
  return fields.filter(field => {
    if (!field.required) {
      return false;
    }
    if (field.type === 'FILE') {
      const input = form.elements.namedItem(field.key);
      return !(input && input.files && input.files.length > 0);
    }
    return !answers[field.key];
  });
}

/** Shows what to fix at the top of the form, as the server's refused form does, and moves the focus there. */
function showSummary(missing) {
  const summary = document.getElementById('error-summary');
  const list = document.getElementById('error-summary-list');
  for (const marked of document.querySelectorAll('[data-unanswered]')) {
    marked.removeAttribute('data-unanswered');
    marked.removeAttribute('aria-invalid');
  }
  list.replaceChildren(...missing.map(field => {
    const question = document.getElementById('q-' + field.key);
    const label = question.querySelector('label > span, legend > span');
    const input = document.getElementById(field.key);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('data-unanswered', '');
    }
    const link = document.createElement('a');
    link.href = '#' + (input ? field.key : 'q-' + field.key);
    link.textContent = label.textContent + ': ' + summary.dataset.required;
    const item = document.createElement('li');
    item.append(link);
    return item;
  }));
  const earlier = document.getElementById('form-problems');
  if (earlier) {
    earlier.hidden = true;
  }
  summary.hidden = false;
  document.title = summary.dataset.title + ' · ' + document.title.split(' · ').pop();
  summary.focus();
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

/**
 * Computes a proof of work for a challenge in a worker of its own (work-worker.mjs); the page
 * stays responsive and the cancel button stops it.
 */
function prove(challenge, bits, signal) {
  return new Promise((resolve, reject) => {
    const worker = new Worker('/static/work-worker.mjs', {type: 'module'});
    const stop = () => {
      worker.terminate();
      reject(new DOMException('cancelled', 'AbortError'));
    };
    signal.addEventListener('abort', stop, {once: true});
    worker.onmessage = ({data}) => {
      signal.removeEventListener('abort', stop);
      worker.terminate();
      data && data.proof ? resolve(data.proof) : reject(new Error('no proof of work'));
    };
    worker.onerror = () => {
      signal.removeEventListener('abort', stop);
      worker.terminate();
      reject(new Error('no proof of work'));
    };
    worker.postMessage({challenge, bits});
  });
}

/** A proof of work when the portal asks for one now (it is under pressure), else null. */
async function proofIfAsked(slug, signal) {
  const response = await fetch('/report/' + encodeURIComponent(slug) + '/sealed/challenge',
    {headers: {Accept: 'application/json'}, credentials: 'same-origin', cache: 'no-store', signal});
  const asked = response.ok ? await response.json() : null;
  return asked && asked.needed ? prove(asked.challenge, asked.bits, signal) : null;
}

async function fetchKeys(slug) {
  const response = await fetch('/report/' + encodeURIComponent(slug) + '/keys',
    {headers: {Accept: 'application/json'}, credentials: 'same-origin', cache: 'no-store'});
  if (!response.ok) {
    throw new Error('no keys');
  }
  const described = await response.json();
  return {described, keys: await readRecipients(described.recipients)};
}

async function enhance() {
  const form = document.querySelector('form.report');
  const box = document.getElementById('sealed');
  if (!form || !box || !window.crypto || !crypto.subtle || !window.TransformStream || !window.Worker) {
    return;
  }
  const slug = form.getAttribute('action').split('/')[2];
  await selfTest();
  let channel = await fetchKeys(slug);
  // The page promises encryption in the browser only once the worker that does it has loaded.
  let nextWorker = startWorker();
  await nextWorker;

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
  const percent = document.getElementById('sealed-percent');
  const problem = document.getElementById('sealed-problem');
  const submit = form.querySelector('button[type="submit"]');
  const cancel = document.getElementById('sealed-cancel');
  let controller = null;
  cancel.addEventListener('click', () => controller && controller.abort());

  const showProblem = (message, fallback) => {
    document.getElementById('sealed-message').textContent = message;
    document.getElementById('sealed-fallback').textContent = fallback ? problem.dataset.fallback : '';
    problem.hidden = false;
  };
  // One bar per phase: first the share of the files encrypted, then the share of the body sent.
  const show = (label, share) => {
    const value = Math.max(0, Math.min(100, Math.floor(100 * share)));
    if (phase.textContent !== label) {
      phase.textContent = label;
    }
    bar.value = value;
    bar.textContent = value + ' %';
    percent.textContent = value + ' %';
  };

  const onSubmit = async event => {
    event.preventDefault();
    problem.hidden = true;
    const missing = unanswered(form, channel.described.fields);
    if (missing.length > 0) {
      showSummary(missing);
      return;
    }
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
    cancel.disabled = false;
    progress.hidden = false;
    show(phase.dataset.encrypting, 0);
    let worker = null;
    try {
      worker = await nextWorker;
      const code = newReplyCode();
      const {preHandle, lockSecret} = await derive(code);
      const {privateKey, publicKey} = await openpgp.generateKey({
        type: 'ecc', curve: 'curve25519Legacy', userIDs: [{name: 'Candor case key'}],
        passphrase: lockSecret, format: 'object', ...CASE_KEY_FORM,
      });
      const report = {
        format: 'candor-report-v1',
        channel: channel.described.channel,
        language: (document.documentElement.lang || 'en').slice(0, 2),
        answers: answersOf(form, channel.described.fields),
        attachments: files.map(f => ({item: f.item, field: f.field, name: cleanName(f.file.name),
          type: cleanType(f.file.type), size: f.file.size})),
      };
      const totalBytes = files.reduce((sum, f) => sum + f.file.size, 0);
      const armoredKeys = [...channel.described.recipients.map(r => r.key), publicKey.armor()];
      const sealed = await sealInWorker(worker, armoredKeys, files.map(f => f.file),
        encoder.encode(JSON.stringify(report)), signal,
        sealedBytes => show(phase.dataset.encrypting, totalBytes === 0 ? 1 : sealedBytes / totalBytes));
      const body = new FormData();
      body.append('token', channel.described.token);
      body.append('prehandle', preHandle);
      body.append('whistleblower-key', new Blob([privateKey.write()], {type: 'application/pgp-keys'}), 'sealed');
      // The one answer sent in clear, as the form says under its question: the option's key of the
      // channel's category question, for sorting (docs/protocol.md, "Sealed in the browser").
      const category = categoryOf(report.answers, channel.described.fields);
      if (category !== null) {
        body.append('category', category);
      }
      body.append('report', sealed.report, 'sealed');
      files.forEach((f, i) => body.append('file-' + f.item, sealed.files[i], 'sealed'));
      show(phase.dataset.uploading, 0);
      const url = '/report/' + encodeURIComponent(slug) + '/sealed';
      const sent = () => { cancel.disabled = true; };
      // Under pressure the portal asks for a proof of work: asked for before the upload, and
      // again if the pressure began meanwhile (each proof is used up by one request).
      let proof = await proofIfAsked(slug, signal);
      const send = () => upload(url, body, signal, share => show(phase.dataset.uploading, share), sent,
        proof ? {'Candor-Work-Proof': proof} : {});
      let answer = await send();
      // A token fetched just now (after a cancel) may be younger than the portal's minimum fill
      // time; it is not used up by that refusal, so the same ciphertext is sent again shortly.
      for (let retry = 0; retry < 5 && answer.status >= 400 && answer.body
          && (answer.body.problem === 'tooQuick' || answer.body.problem === 'proveWork'); retry++) {
        if (answer.body.problem === 'proveWork') {
          proof = await prove(answer.body.challenge, answer.body.bits, signal);
        } else {
          await new Promise(resolve => setTimeout(resolve, 2000));
          proof = await proofIfAsked(slug, signal);
        }
        show(phase.dataset.uploading, 0);
        cancel.disabled = false;
        answer = await send();
      }
      if (answer.status === 200 && answer.body && answer.body.status === 'received') {
        showGrouped(document.getElementById('reply-code'), display(code));
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
        nextWorker = startWorker();
        nextWorker.catch(() => {});
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
      if (worker) {
        worker.terminate(); // each attempt gets a fresh worker: nothing of one stays for the next
      }
    }
  };
  form.addEventListener('submit', onSubmit);
}

// A form the server sent back opens on its summary of what to fix.
const summary = document.getElementById('error-summary');
if (summary && !summary.hidden) {
  summary.focus();
}

enhance().catch(() => {
  // Without the keys, a working WebCrypto or the sealing worker, the page stays the plain form,
  // which says truthfully that it is encrypted on arrival at the server.
});
