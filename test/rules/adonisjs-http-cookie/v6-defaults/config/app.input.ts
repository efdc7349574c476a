import { defineConfig } from '@adonisjs/core/http'

// No `cookie`: defineConfig's own defaults (HttpOnly, Secure, SameSite lax) apply.
// ok: adonisjs-http-cookie
export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: false,
})

// A lookalike: not the `http` export, and not AdonisJS's defineConfig.
export const other = { cookie: { secure: false } }
