import { Body, Controller, Post, Res } from '@nestjs/common';
import type { Response } from 'express';

const refreshCookie = { httpOnly: true, path: '/auth/refresh' };

@Controller('auth')
export class AuthController {
  @Post('login')
  login(@Body() body: { token: string }, @Res({ passthrough: true }) response: Response) {
    // ruleid: express-res-cookie httpOnly-missing secure-missing fixable
    response.cookie('access_token', body.token, { maxAge: 15 * 60 * 1000, httpOnly: true, secure: true });
    // ruleid: express-res-cookie secure-false fixable
    response.cookie('refresh_token', body.token, { ...refreshCookie, secure: true });
    // ok: express-res-cookie
    response.cookie('session', body.token, { httpOnly: true, secure: true, sameSite: 'strict' });
    return { ok: true };
  }

  @Post('logout')
  logout(@Res({ passthrough: true }) res: Response) {
    // ok: express-res-cookie
    res.clearCookie('access_token');
    // ruleid: express-res-cookie secure-missing fixable
    res.cookie('XSRF-TOKEN', 'rotated', { secure: true });
  }
}
