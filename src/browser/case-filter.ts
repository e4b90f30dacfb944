/**
 * Filters the case table by the facet selects. Each row carries ` value value ` per facet in a
 * data attribute; the URL query (`?symptom=bad-page-state`) keeps the filter shareable.
 */
export function bindCaseFilter(root: Document): void {
  const form = root.querySelector<HTMLFormElement>('#case-facets');
  const count = root.querySelector('#case-count');
  if (!form || !count) return;
  const rows = [...root.querySelectorAll<HTMLTableRowElement>('.case-table tbody tr')];
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select')];

  const params = new URLSearchParams(location.search);
  for (const select of selects) {
    const wanted = params.get(select.name);
    if (wanted && [...select.options].some((option) => option.value === wanted)) select.value = wanted;
  }

  const apply = () => {
    const active = selects.filter((select) => select.value !== '');
    let shown = 0;
    for (const row of rows) {
      const match = active.every((select) => (row.dataset[select.name] ?? '').includes(` ${select.value} `));
      row.hidden = !match;
      if (match) shown++;
    }
    count.textContent = `${shown} of ${rows.length} cases`;
    const query = new URLSearchParams(active.map((select) => [select.name, select.value]));
    history.replaceState(null, '', query.size > 0 ? `?${query}` : location.pathname);
  };
  form.addEventListener('change', apply);
  form.addEventListener('reset', () => setTimeout(apply));
  apply();
}
