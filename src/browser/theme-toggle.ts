import { THEME_STORAGE_KEY as KEY } from '../lib/site/theme-storage-key.ts';
const order = ['auto', 'light', 'dark'] as const;
type Theme = (typeof order)[number];

function read(): Theme {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'auto';
  } catch {
    return 'auto';
  }
}

function apply(theme: Theme, button: HTMLElement): void {
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  button.textContent = `Theme: ${theme}`;
  button.setAttribute('aria-label', `Colour theme: ${theme}. Activate to change.`);
}

/** Cycles auto → light → dark, remembered across pages. */
export function bindThemeToggle(root: Document): void {
  for (const button of root.querySelectorAll<HTMLElement>('[data-theme-toggle]')) {
    apply(read(), button);
    button.addEventListener('click', () => {
      const next = order[(order.indexOf(read()) + 1) % order.length] ?? 'auto';
      try {
        if (next === 'auto') localStorage.removeItem(KEY);
        else localStorage.setItem(KEY, next);
      } catch {
        // Storage can be disabled; the choice then lasts for this page only.
      }
      apply(next, button);
    });
  }
}
