import { Component } from '@angular/core';
import { CookieService } from 'ngx-cookie';
import { CookieService as CookieServiceV2 } from 'ngx-cookie-service';

@Component({ selector: 'app-login', template: '' })
export class LoginComponent {
  private readonly settings = new Map<string, string>();

  constructor(
    private readonly cookieService: CookieService,
    private readonly cookies: CookieServiceV2,
  ) {}

  login(authentication: { token: string }) {
    const expires = new Date();
    expires.setHours(expires.getHours() + 8);
    // ruleid: ngx-cookie-service-set secure-missing fixable
    this.cookieService.put('token', authentication.token, { expires });
    // ruleid: ngx-cookie-service-set secure-missing fixable
    this.cookies.set('session', authentication.token);
    // ruleid: ngx-cookie-service-set secure-false fixable
    this.cookies.set('auth', authentication.token, 7, '/', undefined, false, 'Strict');
    // ruleid: ngx-cookie-service-set secure-missing manual
    this.cookies.set('refresh_token', authentication.token, 7, '/');
    // ruleid: ngx-cookie-service-set manual
    this.cookies.set('token', authentication.token, { expires: 1, secure: true, sameSite: 'Strict' });
  }

  preferences(theme: string, csrf: string) {
    // ruleid: ngx-cookie-service-set secure-missing fixable
    this.cookies.set('theme', theme, { path: '/' });
    // ruleid: ngx-cookie-service-set secure-conditional conditional
    this.cookies.set('theme', theme, { secure: location.protocol === 'https:' });
    // ruleid: ngx-cookie-service-set secure-missing fixable
    this.cookies.set('XSRF-TOKEN', csrf, { sameSite: 'Strict' });
    // ok: ngx-cookie-service-set
    this.cookies.set('XSRF-TOKEN', csrf, { secure: true, sameSite: 'Strict' });
    // ok: ngx-cookie-service-set
    this.settings.set('theme', theme);
  }

  spread(extra: object) {
    // ruleid: ngx-cookie-service-set secure-unknown conditional
    this.cookies.set('theme', 'dark', { ...extra });
  }
}
