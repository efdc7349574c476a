import { Injectable } from '@angular/core';
import { CookieService } from 'ngy-cookie';
import { tokenCookie } from './cookie-options';

@Injectable({ providedIn: 'root' })
export class OAuthService {
  constructor(private cookieService: CookieService) {}

  store(token: string) {
    this.cookieService.put('token', token, tokenCookie);
  }
}
