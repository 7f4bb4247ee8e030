// The reply code's page: copy the code, save it as a text file, or print it. Nothing here sends
// anything: the code stays in this page, the clipboard, or a file the person chooses to keep.

const byId = id => document.getElementById(id);

function code() {
  return byId('reply-code').textContent.trim();
}

function wire() {
  const actions = byId('code-actions');
  if (!actions || !byId('reply-code')) {
    return;
  }
  const done = byId('code-action-done');
  byId('code-copy').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code());
      done.textContent = actions.dataset.copied;
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
  });
  byId('code-print').addEventListener('click', () => window.print());
  actions.hidden = false;
}

wire();
