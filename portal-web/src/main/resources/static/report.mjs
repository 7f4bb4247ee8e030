// Encryption in the whistleblower's browser, as progressive enhancement of the report form.
// The exact protocol is docs/protocol.md, "Sealed in the browser"; the reply code and its
// derivation are "Reply codes". Keeps DESIGN.md properties 1, 2, 3 and 5: answers, files,
// file names and the reply code never leave the browser in clear. When anything fails before
// the upload, the page says so and the form is left as the plain form (encrypted on arrival),
// never sending plaintext on its own.
import {
  cleanName, cleanType, derive, display, encoder, newReplyCode, openpgp, readRecipients, seal, selfTest, upload,
} from '/static/sealing.mjs';

// Kept importable from this module for the tests and pages that used it before the move.
export {ALPHABET, TEST_VECTOR, checks, cleanName, cleanType, derive, display, newReplyCode, selfTest}
  from '/static/sealing.mjs';

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
