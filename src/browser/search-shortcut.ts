/** Where typing goes, so `/` there is text and not the shortcut. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  // Buttons, checkboxes and the like take no text.
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'color', 'file', 'image', 'radio', 'range', 'reset', 'submit'].includes(target.type);
}

/**
 * `/` puts the cursor in the search box, as on documentation sites readers know (Starlight,
 * MkDocs Material, GitHub). A page without a search box opens the search page, whose box has the
 * focus on load. A `/` typed into a field, or with Ctrl, Alt or Meta (browser and system
 * shortcuts), is left alone; Shift is allowed, as some keyboard layouts need it for `/`.
 */
export function bindSearchShortcut(doc: Document, searchPage: string): void {
  doc.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.isComposing || event.defaultPrevented) return;
    if (isTextEntry(event.target)) return;
    event.preventDefault();
    const box = doc.querySelector<HTMLInputElement>('#search-q');
    if (box) {
      box.focus();
      box.select();
    } else {
      doc.defaultView?.location.assign(searchPage);
    }
  });
}
