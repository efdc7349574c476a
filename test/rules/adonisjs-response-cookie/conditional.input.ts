import router from '@adonisjs/core/services/router'
import app from '@adonisjs/core/services/app'

router.post('/login', async ({ request, response }) => {
  const token = request.input('token')
  // ruleid: adonisjs-response-cookie secure-conditional conditional
  response.encryptedCookie('auth', token, { secure: app.inProduction })
  // ruleid: adonisjs-response-cookie secure-false manual
  response.cookie('auth', token, { secure: process.env.NODE_ENV === 'development' })
  // ruleid: adonisjs-response-cookie httpOnly-unknown secure-unknown conditional
  response.cookie('auth', token, request.cookieOptions)
})
