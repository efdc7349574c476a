import type { HttpContext } from '@adonisjs/core/http'

// The response reached through a local name: the same call as `ctx.response.cookie(…)`.
export default class AuthController {
  async login(ctx: HttpContext) {
    const res = ctx.response
    const token = ctx.request.input('token')
    // ruleid: adonisjs-response-cookie secure-false fixable
    res.cookie('token', token, { httpOnly: true, secure: false })
    return res.redirect('/')
  }

  async theme({ response }: HttpContext) {
    const reply = response
    const out = reply
    // ruleid: adonisjs-response-cookie httpOnly-false manual
    out.plainCookie('theme', 'dark', { httpOnly: false, encode: false })
  }

  async refresh(ctx: HttpContext) {
    const { response: res } = ctx
    // ruleid: adonisjs-response-cookie secure-false fixable
    res.encryptedCookie('refresh', ctx.request.input('refresh'), { secure: false })
  }

  async swap(ctx: HttpContext, other: { cookie(name: string, value: string, options: object): void }) {
    // A `let` may hold something else by the time it is called.
    let target = ctx.response
    target = other
    // ok: adonisjs-response-cookie
    target.cookie('x', 'y', { secure: false })
  }
}
