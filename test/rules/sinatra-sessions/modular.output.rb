require 'sinatra/base'

class Shop < Sinatra::Base
  # ruleid: sinatra-sessions secure-missing manual
  enable :sessions

  configure :production do
    # ruleid: sinatra-sessions secure-missing fixable
    set :sessions, key: 'shop.session', expire_after: 3600, same_site: :lax, secure: true
  end

  configure :staging do
    # ruleid: sinatra-sessions httpOnly-false secure-false fixable
    set :sessions, {
      key: 'shop.session',
      httponly: true,
      secure: true,
    }
  end

  # ok: sinatra-sessions
  set :sessions, httponly: true, secure: true

  # ok: sinatra-sessions
  set :sessions, false

  # `true` takes no options either: Secure is left to a person.
  # ruleid: sinatra-sessions secure-missing manual
  set :sessions, true

  # ruleid: sinatra-sessions httpOnly-unknown secure-unknown conditional
  set :sessions, session_options

  get '/' do
    session[:visits] = (session[:visits] || 0) + 1
  end
end

class Settings
  # Not a Sinatra app: a settings object of the project's own.
  # ok: sinatra-sessions
  set :sessions, secure: false
end
