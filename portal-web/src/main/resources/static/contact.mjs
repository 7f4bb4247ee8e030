// The whistleblower's way back in with JavaScript, as progressive enhancement of /contact. The
// exact protocol is docs/protocol.md, "Contact with JavaScript". Keeps docs/design.md properties 2, 3
// and 5: the reply code and its lock secret never leave the browser (only the pre-handle does),
// the conversation is decrypted here with the key the code unlocks, and what is sent back is
// sealed here to exactly the keys the server names, each checked against its fingerprint. When
// anything fails, the page says so and offers the plain sign-in; it never sends the code or a
// message in clear on its own.
import {
  base64url, cleanName, cleanType, derive, encoder, openpgp, parseReplyCode, readRecipients, seal, selfTest, upload,
} from '/static/sealing.mjs';

const decoder = new TextDecoder('utf-8', {fatal: true});
const byId = id => document.getElementById(id);

/** A problem with a definite answer (typo, wrong code, throttled): said, nothing else happens. */
class Answered extends Error {
}

async function json(response) {
  try {
    return await response.json();
  } catch (notJson) {
    return {};
  }
}

/** The session's synchronizer token, from the sign-in answer: every later POST sends it. */
let sessionToken = '';

/** Gives a form of this page, drawn before the session began, the session's token as its first field. */
function withToken(form) {
  if (form && !form.querySelector('input[name="_token"]')) {
    const field = document.createElement('input');
    field.type = 'hidden';
    field.name = '_token';
    field.value = sessionToken;
    form.prepend(field);
  }
}

/** Signs in with the pre-handle only; resolves when a session exists, throws Answered otherwise. */
async function signIn(preHandle) {
  const response = await fetch('/contact/browser/sign-in', {
    method: 'POST', credentials: 'same-origin', cache: 'no-store',
    headers: {Accept: 'application/json'}, body: new URLSearchParams({prehandle: preHandle}),
  });
  const body = await json(response);
  if (response.status === 200 && body.status === 'signed-in') {
    sessionToken = body.token;
    withToken(document.getElementById('browser-sign-out'));
    return;
  }
  if ([400, 403, 429].includes(response.status) && body.message) {
    throw new Answered(body.message);
  }
  throw new Error('sign-in failed');
}

/**
 * Where this tab keeps the key that unwraps its lock secret after a reload. The session on the
 * server holds the wrapped secret, in memory only, until sign-out or idle timeout: neither half
 * opens anything alone, and the server never sees the key (docs/protocol.md, "A reload").
 */
const RELOAD_KEY = 'candor-contact-reload';

function fromBase64url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4));
  return Uint8Array.from(binary, c => c.charCodeAt(0));
}

function forgetReload() {
  try {
    sessionStorage.removeItem(RELOAD_KEY);
  } catch (noStorage) {
    // nothing was kept
  }
}

/** Wraps the lock secret under a fresh key this tab keeps, and leaves the wrapped secret with the session. */
async function keepForReload(lockSecret) {
  const raw = crypto.getRandomValues(new Uint8Array(32));
  try {
    const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);
    const nonce = crypto.getRandomValues(new Uint8Array(12));
    const sealed = new Uint8Array(await crypto.subtle.encrypt({name: 'AES-GCM', iv: nonce}, key, encoder.encode(lockSecret)));
    const wrapped = new Uint8Array(nonce.length + sealed.length);
    wrapped.set(nonce);
    wrapped.set(sealed, nonce.length);
    const response = await fetch('/contact/browser/reload', {
      method: 'POST', credentials: 'same-origin', cache: 'no-store',
      headers: {Accept: 'application/json', 'X-Candor-Token': sessionToken},
      body: new URLSearchParams({wrapped: base64url(wrapped)}),
    });
    if (response.ok) {
      sessionStorage.setItem(RELOAD_KEY, base64url(raw));
    }
  } catch (notKept) {
    // without storage a reload asks for the code again, as before
  } finally {
    raw.fill(0);
  }
}

/** After a reload within the session: the lock secret again, or null when the page must ask for the code. */
async function afterReload() {
  let kept = null;
  try {
    kept = sessionStorage.getItem(RELOAD_KEY);
  } catch (noStorage) {
    return null;
  }
  if (!kept) {
    return null;
  }
  try {
    const response = await fetch('/contact/browser/reload',
      {credentials: 'same-origin', cache: 'no-store', headers: {Accept: 'application/json'}});
    const body = await json(response);
    if (response.status !== 200 || body.status !== 'signed-in') {
      forgetReload();
      return null;
    }
    const key = await crypto.subtle.importKey('raw', fromBase64url(kept), 'AES-GCM', false, ['decrypt']);
    const wrapped = fromBase64url(body.wrapped);
    const secret = await crypto.subtle.decrypt({name: 'AES-GCM', iv: wrapped.slice(0, 12)}, key, wrapped.slice(12));
    sessionToken = body.token;
    withToken(document.getElementById('browser-sign-out'));
    return decoder.decode(secret);
  } catch (unreadable) {
    forgetReload();
    return null;
  }
}

async function ciphertext(item) {
  const response = await fetch('/contact/browser/items/' + encodeURIComponent(item),
    {credentials: 'same-origin', cache: 'no-store'});
  if (!response.ok) {
    throw new Error('an item could not be fetched');
  }
  return new Uint8Array(await response.arrayBuffer());
}

/** Opens one sealed item with the unlocked key; OpenPGP.js checks integrity before it resolves. */
async function open(item, key) {
  const message = await openpgp.readMessage({binaryMessage: await ciphertext(item)});
  const {data} = await openpgp.decrypt({message, decryptionKeys: key, format: 'binary'});
  return data;
}

/** The case as the server describes it, with the whistleblower key unlocked and the recipients checked. */
async function load(lockSecret, unlocked) {
  const response = await fetch('/contact/browser/case',
    {credentials: 'same-origin', cache: 'no-store', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    throw new Error('the case could not be fetched');
  }
  const described = await response.json();
  const locked = await openpgp.readPrivateKey({armoredKey: described.key});
  if (locked.getFingerprint().toUpperCase() !== described.keyFingerprint.toUpperCase()) {
    throw new Error('the case key does not match its fingerprint');
  }
  const key = unlocked || await openpgp.decryptKey({privateKey: locked, passphrase: lockSecret});
  const recipients = await includingCaseKey(described.open ? described.recipients : [], key);
  const appealRecipients = await includingCaseKey(described.status.appeal.recipients || [], key);
  const documents = [];
  for (const item of described.items) {
    if (item.kind !== 'ATTACHMENT') {
      documents.push({item, parsed: await readable(item, await ciphertext(item.id), key)});
    }
  }
  return {described, key, recipients, appealRecipients, documents};
}

/** The keys the server names for sealing, checked against their fingerprints; they must include the case key. */
async function includingCaseKey(named, key) {
  const keys = await readRecipients(named);
  if (keys.length > 0 && !keys.some(r => r.getFingerprint() === key.getFingerprint())) {
    throw new Error('the recipients do not include the case key');
  }
  return keys;
}

/**
 * A report or message document, decrypted and parsed; null when it fails its integrity check or
 * is not a document of its kind: the page then shows the entry as unreadable, as the desk does.
 */
async function readable(item, sealed, key) {
  try {
    const message = await openpgp.readMessage({binaryMessage: sealed});
    const {data} = await openpgp.decrypt({message, decryptionKeys: key, format: 'binary'});
    const parsed = JSON.parse(decoder.decode(data));
    const format = item.kind === 'REPORT' ? 'candor-report-v1' : 'candor-message-v1';
    const valid = parsed !== null && parsed.format === format && Array.isArray(parsed.attachments)
      && (item.kind === 'REPORT' ? typeof parsed.answers === 'object' && parsed.answers !== null
        : typeof parsed.text === 'string');
    return valid ? parsed : null;
  } catch (unreadable) {
    return null;
  }
}

function element(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined) {
    e.textContent = text;
  }
  if (className) {
    e.className = className;
  }
  return e;
}

/** A list of files; each decrypts in the browser when chosen and is saved from memory. */
function fileList(files, key, box) {
  const list = element('ul', undefined, 'plain files');
  for (const file of files) {
    const item = element('li');
    const button = element('button', file.name, 'link');
    button.type = 'button';
    button.dataset.item = file.item;
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const plain = await open(file.item, key);
        const url = URL.createObjectURL(new Blob([plain], {type: 'application/octet-stream'}));
        const link = element('a');
        link.href = url;
        link.download = file.name;
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      } finally {
        button.disabled = false;
      }
    });
    item.append(button, ' ', element('span', box.dataset.size.replace('COUNT', String(file.size)), 'hint'));
    list.append(item);
  }
  return list;
}

const KINDS = {
  WHISTLEBLOWER_MESSAGE: 'kindWhistleblowerMessage', INVESTIGATOR_REPLY: 'kindInvestigatorReply',
  OUTCOME_GROUNDS: 'kindOutcomeGrounds', APPEAL: 'kindAppeal', APPEAL_DECISION: 'kindAppealDecision',
};

/** Shows the report with the questionnaire's labels, then every message, as the plain page does. */
function render(opened) {
  const box = byId('browser-conversation');
  const report = byId('browser-report');
  const messages = byId('browser-messages');
  report.replaceChildren();
  messages.replaceChildren();
  byId('browser-report-heading').textContent =
    byId('browser-report-heading').dataset.text.replace('DATE', opened.described.receivedOn);
  for (const {item, parsed} of opened.documents) {
    if (parsed === null && item.kind === 'REPORT') {
      report.append(element('dd', box.dataset.unreadable, 'error'));
    } else if (parsed === null) {
      const entry = element('li', undefined, 'message unreadable');
      const head = element('p', undefined, 'hint');
      head.append(element('strong', box.dataset[KINDS[item.kind]] || item.kind), ' ', element('span', item.day));
      entry.append(head, element('p', box.dataset.unreadable, 'error'));
      messages.append(entry);
    } else if (item.kind === 'REPORT') {
      const shown = new Set();
      const add = (label, values, files) => {
        if (values.length === 0 && files.length === 0) {
          return;
        }
        const dd = element('dd');
        values.forEach(v => dd.append(element('p', v, 'answer')));
        if (files.length > 0) {
          dd.append(fileList(files, opened.key, box));
        }
        report.append(element('dt', label === '' ? box.dataset.files : label), dd);
      };
      for (const q of opened.described.questions) {
        add(q.label, (parsed.answers[q.key] || []).map(v => q.options[v] || v),
          parsed.attachments.filter(a => a.field === q.key));
        shown.add(q.key);
      }
      for (const [key, values] of Object.entries(parsed.answers)) {
        if (!shown.has(key)) {
          add(key, values, parsed.attachments.filter(a => a.field === key));
          shown.add(key);
        }
      }
      add('', [], parsed.attachments.filter(a => !shown.has(a.field)));
    } else {
      const mine = item.kind === 'WHISTLEBLOWER_MESSAGE' || item.kind === 'APPEAL';
      const entry = element('li', undefined, mine ? 'message mine' : 'message theirs');
      const head = element('p', undefined, 'hint');
      head.append(element('strong', box.dataset[KINDS[item.kind]] || item.kind), ' ', element('span', item.day));
      entry.append(head, element('p', parsed.text, 'message-text'));
      if (parsed.attachments.length > 0) {
        entry.append(fileList(parsed.attachments, opened.key, box));
      }
      messages.append(entry);
    }
  }
  if (messages.children.length === 0) {
    messages.append(element('li', box.dataset.none, 'empty'));
  }
  byId('browser-send').hidden = !opened.described.open;
  renderStatus(opened, box);
}

/** The text of the last message of a kind (the grounds of an outcome or a decision), decrypted here. */
function lastText(opened, kind, box) {
  const found = opened.documents.filter(d => d.item.kind === kind);
  if (found.length === 0) {
    return '';
  }
  const last = found[found.length - 1].parsed;
  return last === null ? box.dataset.unreadable : last.text;
}

/** Status, deadlines, outcome and appeal, as the plain status page shows them; the grounds decrypted here. */
function renderStatus(opened, box) {
  const status = opened.described.status;
  byId('browser-status-text').textContent = status.text;
  byId('browser-timeline').replaceChildren(...status.timeline.map(step => element('li', step.day + ': ' + step.text)));
  byId('browser-deadlines').replaceChildren(...status.deadlines.flatMap(deadline => {
    const state = element('dd', deadline.state);
    state.id = 'browser-' + deadline.id;
    return [element('dt', deadline.label), state];
  }));
  byId('browser-outcome').hidden = status.outcome === '';
  byId('browser-outcome-text').textContent = status.outcome;
  byId('browser-outcome-grounds').textContent = lastText(opened, 'OUTCOME_GROUNDS', box);
  byId('browser-retention').textContent = status.retention;
  const appeal = status.appeal;
  byId('browser-appeal-state').textContent = appeal.state === 'allowed' && opened.appealRecipients.length === 0
    ? byId('browser-appeal').dataset.closed : appeal.text;
  byId('browser-decision').hidden = appeal.state !== 'decided';
  byId('browser-decision-text').textContent = appeal.decision;
  byId('browser-decision-grounds').textContent = lastText(opened, 'APPEAL_DECISION', box);
  byId('browser-appeal').hidden = appeal.state !== 'allowed' || opened.appealRecipients.length === 0;
}

/** Seals a message (or an appeal's reasons) and its files in the browser to {@code recipients} and sends only ciphertext. */
async function send(path, recipients, opened, text, chosen, onProgress) {
  const limits = opened.described.limits;
  const total = chosen.reduce((sum, f) => sum + f.size, 0);
  if (chosen.length > 0 && (!limits.filesAllowed || chosen.length > limits.maxFiles
      || chosen.some(f => f.size > limits.maxFileBytes) || total > limits.maxTotalBytes)) {
    return {status: 422, body: {message: null}};
  }
  const signal = new AbortController().signal;
  const files = chosen.map(file => ({item: crypto.randomUUID(), file}));
  const sealedFiles = [];
  for (const f of files) {
    sealedFiles.push(await seal(f.file.stream(), recipients, signal, () => {}, f.file.size));
  }
  const contents = {
    format: 'candor-message-v1', text,
    attachments: files.map(f => ({item: f.item, name: cleanName(f.file.name), type: cleanType(f.file.type),
      size: f.file.size})),
  };
  const body = new FormData();
  body.append('message', await seal(encoder.encode(JSON.stringify(contents)), recipients, signal,
    () => {}), 'sealed');
  files.forEach((f, i) => body.append('file-' + f.item, sealedFiles[i], 'sealed'));
  return upload(path, body, signal, onProgress, () => {}, {'X-Candor-Token': sessionToken});
}

function typoMessage(problem, typed, area) {
  const count = problem.problem === 'length' ? problem.count : Array.from(typed).filter(c => /[\p{L}\p{N}]/u.test(c)).length;
  return count === 28 ? area.dataset.typo : area.dataset.length.replace('COUNT', String(count));
}

/** The reply code can be shown while it is typed: the field is a password field otherwise. */
function showableCode() {
  const input = byId('code');
  const toggle = byId('code-show');
  if (!input || !toggle) {
    return;
  }
  toggle.addEventListener('change', () => {
    input.type = toggle.checked ? 'text' : 'password';
  });
  byId('code-show-row').hidden = false;
}

/** Says a problem with the typed code in {@code area} and ties it to the field for screen readers. */
function codeProblem(input, area, message) {
  area.textContent = message;
  area.hidden = false;
  input.setAttribute('aria-describedby', 'code-hint ' + area.id);
  input.setAttribute('aria-invalid', 'true');
}

async function enhance() {
  showableCode();
  const form = document.querySelector('#sign-in-area form');
  const problem = byId('browser-problem');
  if (!form || !problem || !window.crypto || !crypto.subtle || !window.TransformStream) {
    return;
  }
  await selfTest();
  byId('browser-available').hidden = false;
  const fallback = message => {
    problem.textContent = message;
    problem.hidden = false;
    byId('browser-fallback').hidden = false;
    byId('browser-conversation').hidden = true;
    byId('sign-in-area').hidden = false;
    form.querySelector('button[type="submit"]').disabled = true; // the plain form is one link away
  };

  let opened = null;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    problem.hidden = true;
    const input = form.elements.namedItem('code');
    const parsed = parseReplyCode(input.value);
    input.setAttribute('aria-describedby', 'code-hint');
    input.removeAttribute('aria-invalid');
    if (!parsed.canonical) {
      codeProblem(input, problem, typoMessage(parsed, input.value, problem));
      return;
    }
    const submit = form.querySelector('button[type="submit"]');
    submit.disabled = true;
    try {
      const {preHandle, lockSecret} = await derive(parsed.canonical);
      await signIn(preHandle);
      input.value = '';
      await showConversation(lockSecret);
      await keepForReload(lockSecret);
      submit.disabled = false;
    } catch (failure) {
      submit.disabled = false;
      if (failure instanceof Answered) {
        codeProblem(input, problem, failure.message);
        return;
      }
      signOutAfterFailure();
    }
  });

  const showConversation = async lockSecret => {
    opened = await load(lockSecret);
    render(opened);
    byId('sign-in-area').hidden = true;
    byId('contact-heading').textContent = byId('browser-conversation').dataset.title;
    byId('browser-conversation').hidden = false;
  };
  const signOutAfterFailure = () => {
    forgetReload();
    fetch('/contact/browser/sign-out', {method: 'POST', credentials: 'same-origin', headers: {'X-Candor-Token': sessionToken}}).catch(() => {});
    fallback(problem.dataset.failed);
  };
  byId('browser-sign-out').addEventListener('submit', forgetReload);

  // A reload (or a change of language) within the session opens the conversation again without the code.
  const lockSecret = await afterReload();
  if (lockSecret !== null) {
    try {
      await showConversation(lockSecret);
    } catch (failure) {
      signOutAfterFailure();
    }
  }

  const reload = async () => {
    opened = await load(null, opened.key);
    render(opened);
  };
  sendingForm(byId('browser-send'), {
    text: 'browser-text', files: 'browser-files', progress: 'browser-progress', problem: 'browser-send-problem',
    sent: 'browser-sent', path: '/contact/browser/messages', recipients: () => opened.recipients,
    opened: () => opened, reload,
  });
  sendingForm(byId('browser-appeal'), {
    text: 'browser-appeal-text', files: 'browser-appeal-files', progress: 'browser-appeal-progress',
    problem: 'browser-appeal-problem', sent: 'browser-appeal-sent', path: '/contact/browser/appeal',
    recipients: () => opened.appealRecipients, opened: () => opened, reload,
  });
}

/**
 * A form whose text and files are sealed here and sent to {@code parts.path}: on success the
 * conversation is fetched and shown again; when the readers changed meanwhile, the new ones are
 * fetched and the text stays for sending again; any other failure is said, with the plain form one
 * link away. Never sends anything in clear.
 */
function sendingForm(form, parts) {
  const problem = byId(parts.problem);
  const progress = byId(parts.progress);
  const failed = byId('browser-problem').dataset.failed;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    problem.hidden = true;
    byId(parts.sent).hidden = true;
    const text = byId(parts.text).value.replace(/\r\n/g, '\n').trim();
    const chosen = Array.from(byId(parts.files).files || []);
    if (text === '' && chosen.length === 0) {
      problem.textContent = form.dataset.empty;
      problem.hidden = false;
      return;
    }
    const submit = form.querySelector('button[type="submit"]');
    submit.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    try {
      const answer = await send(parts.path, parts.recipients(), parts.opened(), text, chosen,
        share => { progress.value = 100 * share; });
      if (answer.status === 200 && answer.body && answer.body.status === 'sent') {
        form.reset();
        await parts.reload();
        byId(parts.sent).hidden = false;
      } else if (answer.body && answer.body.problem === 'readersChanged') {
        // access to the case changed during the upload: fetch the new readers, the text stays for sending again
        await parts.reload();
        problem.textContent = answer.body.message;
        problem.hidden = false;
      } else {
        problem.textContent = (answer.body && answer.body.message) || failed;
        problem.hidden = false;
        byId('browser-fallback').hidden = false;
      }
    } catch (failure) {
      problem.textContent = failed;
      problem.hidden = false;
      byId('browser-fallback').hidden = false;
    } finally {
      submit.disabled = false;
      progress.hidden = true;
    }
  });
}

enhance().catch(() => {
  // Without a working WebCrypto, the page stays the plain sign-in, which opens the report on the server.
});
