// An AdonisJS route without the import: `res` holds the destructured context's response, whose cookies are
// HttpOnly and Secure by default (adonisjs-response-cookie), so it is not Express's `res`.
const router = globalThis.router

router.get('/login', async ({ response }) => {
  const res = response
  // ok: express-res-cookie
  res.cookie('session_id', 'abc')
  return res.redirect('/')
})
