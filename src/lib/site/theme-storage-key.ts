/** Where the theme toggle keeps the reader's light or dark choice, in localStorage. */
export const THEME_STORAGE_KEY = 'oopsbook-theme';
