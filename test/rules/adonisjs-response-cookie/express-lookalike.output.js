// Express: `response` is a handler parameter, not a destructured AdonisJS context.
const express = require('express')
const app = express()

app.get('/', (request, response) => {
  // ok: adonisjs-response-cookie
  // ruleid: express-res-cookie httpOnly-missing secure-false fixable
  response.cookie('sid', 'abc', { secure: true, httpOnly: true })
  response.end()
})
