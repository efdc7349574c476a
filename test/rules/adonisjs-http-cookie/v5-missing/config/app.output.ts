import { ServerConfig } from '@ioc:Adonis/Core/Server'

// v5 has no cookie defaults: without `cookie`, nothing is set.
// ruleid: adonisjs-http-cookie httpOnly-missing secure-missing fixable
export const http: ServerConfig = {
  allowMethodSpoofing: false,
  etag: false,
  cookie: { httpOnly: true, secure: true },
}
