/** Copy buttons (`button.copy` with `data-copy`) on a claim page's repro steps. */
for (const b of document.querySelectorAll<HTMLButtonElement>('button.copy')) {
  b.hidden = false;
  b.addEventListener('click', async () => {
    try { await navigator.clipboard.writeText(b.dataset.copy ?? ''); b.textContent = 'Copied'; }
    catch { b.textContent = 'Select and copy'; }
    setTimeout(() => (b.textContent = 'Copy'), 2000);
  });
}
