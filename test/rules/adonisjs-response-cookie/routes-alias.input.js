// Routes without an AdonisJS import: a name given the destructured context's response is that response.
const router = globalThis.router

router.get('/login', async ({ response }) => {
  const res = response
  // ruleid: adonisjs-response-cookie secure-false fixable
  // ok: express-res-cookie
  res.cookie('session_id', 'abc', { secure: false })
  return res.redirect('/')
})
