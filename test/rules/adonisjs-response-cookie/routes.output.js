// Routes without an AdonisJS import: the destructured HTTP context still names AdonisJS's response.
const router = globalThis.router

router.get('/login', async ({ response }) => {
  // ruleid: adonisjs-response-cookie secure-false fixable
  response.cookie('session_id', 'abc', { secure: true })
  return response.redirect('/')
})

router.get('/alias', async ({ response: res }) => {
  // ok: adonisjs-response-cookie
  res.cookie('seen', '1', { httpOnly: true })
})
