class Middleware
  def call(env)
    status, headers, body = @app.call(env)
    # ruleid: rack-set-cookie httpOnly-missing secure-missing fixable
    Rack::Utils.set_cookie_header!(headers, 'tracking_sid', { value: env['sid'], path: '/', httponly: true, secure: true })
    res = Rack::Response.new(body, status, headers)
    # ruleid: rack-set-cookie secure-missing fixable
    res.set_cookie('prefs', { :value => 'compact', :httponly => true, :secure => true })
    [status, headers, body]
  end
end

class Mailer
  # A project's own set_cookie: not Rack's.
  def deliver(response)
    # ok: rack-set-cookie
    response.set_cookie('session_token', value: 'abc')
  end
end
