import { defineConfig } from '@adonisjs/core/http'

// A `cookie` object replaces defineConfig's defaults whole: what it leaves out is off.
export const http = defineConfig({
  allowMethodSpoofing: false,
  // ruleid: adonisjs-http-cookie httpOnly-missing secure-false fixable
  cookie: {
    path: '/',
    maxAge: '2h',
    secure: true,
    sameSite: 'lax',
    httpOnly: true,
  },
})
