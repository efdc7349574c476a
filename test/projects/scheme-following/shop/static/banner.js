export function dismiss() {
  document.cookie = "banner=closed; path=/";
}
