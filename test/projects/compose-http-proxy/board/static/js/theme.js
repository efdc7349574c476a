export function rememberTheme(theme) {
  document.cookie = `theme=${theme}; path=/; SameSite=Lax`;
}
