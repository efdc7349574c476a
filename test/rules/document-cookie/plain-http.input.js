export function rememberLanguage(lang) {
  // The appliance serves plain HTTP on the LAN.
  // ruleid: document-cookie secure-missing manual
  document.cookie = 'lang=' + lang + '; path=/';
}
