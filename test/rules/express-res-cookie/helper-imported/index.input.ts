export * from './cookies.js';
export { preferenceOptions as prefs } from './cookies.js';
