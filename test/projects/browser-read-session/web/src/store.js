import { getCookie } from './cookies';

export function pickedTeams() {
  return JSON.parse(getCookie('sessions') || '[]');
}
