import type { HttpContext } from '@adonisjs/core/http'

export default class SessionController {
  async store({ request, response }: HttpContext) {
    const token = request.input('token')
    // ok: adonisjs-response-cookie
    response.cookie('remember', token)
    // ok: adonisjs-response-cookie
    response.encryptedCookie('cart', { items: [] }, { maxAge: '7d' })
    // ruleid: adonisjs-response-cookie secure-false fixable
    response.cookie('token', token, { httpOnly: true, secure: false })
    // ruleid: adonisjs-response-cookie httpOnly-false manual
    response.plainCookie('theme', 'dark', { httpOnly: false, encode: false })
    // A deletion: flags protect nothing there.
    // ok: adonisjs-response-cookie
    response.cookie('token', '', { maxAge: 0, secure: false })
    // ok: adonisjs-response-cookie
    response.clearCookie('token')
    // Reading a cookie, not setting one.
    // ok: adonisjs-response-cookie
    const theme = request.cookie('theme', 'light')
    return { theme }
  }

  async show(ctx: HttpContext) {
    // ruleid: adonisjs-response-cookie secure-false fixable
    ctx.response.cookie('sid', ctx.request.input('sid'), { secure: false, sameSite: 'lax' })
  }
}
