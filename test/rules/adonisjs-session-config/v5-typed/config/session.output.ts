import Env from '@ioc:Adonis/Core/Env'
import { SessionConfig } from '@ioc:Adonis/Addons/Session'

const sessionConfig: SessionConfig = {
  enabled: true,
  driver: Env.get('SESSION_DRIVER'),
  cookieName: 'adonis-session',
  clearWithBrowser: false,
  age: '2h',
  // ruleid: adonisjs-session-config secure-false fixable
  cookie: {
    path: '/',
    httpOnly: true,
    sameSite: false,
    secure: true,
  },
}

export default sessionConfig
