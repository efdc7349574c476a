module Api
  class Application < Rails::Application
    config.api_only = true
    # ruleid: rack-session-cookie secure-missing fixable
    config.middleware.use Rack::Session::Cookie, { key: '_api_session', secret: secret_key_base, secure: true }
  end
end
