import { defineConfig, stores } from '@adonisjs/session'

export const weak = defineConfig({
  store: 'cookie',
  stores: { cookie: stores.cookie() },
  // ruleid: adonisjs-session-config httpOnly-false secure-false fixable
  cookie: {
    httpOnly: false,
    secure: false,
  },
})

// Keys left out come from `http.cookie` in config/app.ts.
// ok: adonisjs-session-config
export const inherited = defineConfig({
  store: 'cookie',
  stores: { cookie: stores.cookie() },
  cookie: { path: '/' },
})

// ok: adonisjs-session-config
export const noCookie = defineConfig({ store: 'memory', stores: {} })

// Another library's defineConfig is left alone.
import { defineConfig as defineOther } from 'some-session-lib'
export const lookalike = defineOther({ cookie: { secure: false } })
