// AdonisJS's response has a `cookie` method of its own, with other defaults: adonisjs-response-cookie owns it.
import type { HttpContext } from '@adonisjs/core/http'

export default class AuthController {
  async login({ response }: HttpContext) {
    // ok: express-res-cookie
    response.cookie('sid', 'abc', { sameSite: 'lax' })
  }

  async logout(ctx: HttpContext) {
    // ok: express-res-cookie
    ctx.response.cookie('sid', 'abc')
    // ok: express-res-cookie
    ctx.request.cookie('sid', 'fallback')
  }
}

export const handler = async ({ response }: { response: { cookie: Function } }) => {
  // ok: express-res-cookie
  response.cookie('token', 'abc')
}
