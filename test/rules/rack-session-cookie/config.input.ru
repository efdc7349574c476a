require './app'

# ruleid: rack-session-cookie secure-missing fixable
use Rack::Session::Cookie, key: 'app.session',
                           secret: ENV.fetch('SESSION_SECRET'),
                           same_site: :lax

# ruleid: rack-session-cookie httpOnly-false fixable
use Rack::Session::Pool, :httponly => false, :secure => true

# ruleid: rack-session-cookie secure-unknown conditional
use Rack::Session::Cookie, 'secure' => true, secret: ENV.fetch('SESSION_SECRET')

# ok: rack-session-cookie
use Rack::Session::Cookie, secure: true, secret: ENV.fetch('SESSION_SECRET')

run App
