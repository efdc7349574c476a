import type { Request, Response } from 'express';

export class SessionController {
  // ruleid: express-res-cookie secure-missing fixable
  private readonly cookieOptions = { httpOnly: true, path: '/', secure: true };
  private refreshOptions: { maxAge: number; secure?: boolean };
  private readonly tracking;

  constructor(private readonly maxAge: number) {
    // ruleid: express-res-cookie httpOnly-missing secure-missing fixable
    this.refreshOptions = { maxAge, httpOnly: true, secure: true };
    this.tracking = { httpOnly: false };
    this.tracking.httpOnly = maxAge > 0;
  }

  login(req: Request, res: Response) {
    res.cookie('session', req.body.token, this.cookieOptions);
    res.cookie('refresh_token', req.body.refresh, this.refreshOptions);
    // ruleid: express-res-cookie httpOnly-unknown secure-unknown conditional
    res.cookie('tracking', req.body.id, this.tracking);
    // ruleid: express-res-cookie httpOnly-unknown secure-unknown conditional
    res.cookie('auth_token', req.body.id, this.sessionOptions());
  }

  sessionOptions() {
    return this.maxAge > 0 ? { maxAge: this.maxAge } : {};
  }
}
