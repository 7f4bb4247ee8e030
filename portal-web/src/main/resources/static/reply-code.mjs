// The reply code's page: copy the code, save it as a text file, or print it, and a warning before
// leaving the page while the code is shown and not yet kept. Nothing here sends anything: the code
// stays in this page, the clipboard, or a file the person chooses to keep.

const byId = id => document.getElementById(id);

function code() {
  return byId('reply-code').textContent.trim();
}

// Once the person copied, saved or printed the code, or said they kept it, leaving is theirs to decide.
let kept = false;

/** Whether leaving now would lose a code the person may not have kept. */
function atRisk() {
  const shown = byId('reply-code');
  return !kept && shown !== null && code() !== '' && shown.offsetParent !== null;
}

function wireActions() {
  const actions = byId('code-actions');
  const done = byId('code-action-done');
  byId('code-copy').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code());
      done.textContent = actions.dataset.copied;
      kept = true;
    } catch (refused) {
      // no clipboard for this page (an insecure address, or the browser refused): select the code instead
      window.getSelection().selectAllChildren(byId('reply-code'));
    }
  });
  byId('code-save').addEventListener('click', () => {
    const text = actions.dataset.file.replace('CODE', code()) + '\n';
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], {type: 'text/plain;charset=utf-8'}));
    link.download = 'reply-code.txt';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    done.textContent = actions.dataset.saved;
    kept = true;
  });
  byId('code-print').addEventListener('click', () => {
    window.print();
    kept = true;
  });
  actions.hidden = false;
}

// A link on this page (language, footer, "come back") would leave it: ask first, in the page's own words.
function wireLeaving() {
  const warning = byId('leave-warning');
  let target = null;
  document.addEventListener('click', event => {
    const link = event.target.closest('a[href]');
    if (!link || !atRisk() || link.hasAttribute('download') || link.getAttribute('href').startsWith('#')
        || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    event.preventDefault();
    target = link.href;
    warning.showModal();
  });
  byId('leave-stay').addEventListener('click', () => {
    warning.close();
    byId('code-heading').setAttribute('tabindex', '-1');
    byId('code-heading').focus();
  });
  byId('leave-go').addEventListener('click', () => {
    kept = true;
    warning.close();
    window.location.assign(target);
  });
  // Closing the tab, typing an address or going back: the browser's own question, which it words itself.
  window.addEventListener('beforeunload', event => {
    if (atRisk()) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
}

if (byId('code-actions') && byId('reply-code')) {
  wireActions();
  wireLeaving();
}
