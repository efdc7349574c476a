import { Controller, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { sessionCookie } from './cookie-options';

@Controller('auth')
export class AuthController {
  @Post('login')
  login(@Res({ passthrough: true }) response: FastifyReply) {
    response.setCookie('session', 'abc', sessionCookie);
    // ruleid: fastify-set-cookie secure-missing fixable
    response.setCookie('refresh_token', 'def', { httpOnly: true, secure: true });
    return { ok: true };
  }
}
