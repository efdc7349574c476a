require 'sinatra/base'
require 'securerandom'

class Api < Sinatra::Base
  post '/login' do
    token = SecureRandom.hex(32)
    # ruleid: rack-set-cookie httpOnly-missing secure-missing fixable
    response.set_cookie('session_token', value: token, path: '/', expires: Time.now + 3600)

    # ruleid: rack-set-cookie secure-missing fixable
    response.set_cookie 'theme', { value: params[:theme], http_only: true }

    # ruleid: rack-set-cookie httpOnly-missing secure-missing fixable
    response.set_cookie('auth_token', SecureRandom.urlsafe_base64)

    # ruleid: rack-set-cookie httpOnly-false secure-false fixable
    response.set_cookie('visitor', value: params[:id], httponly: false, secure: false)

    # ok: rack-set-cookie
    response.set_cookie('sid', value: token, httponly: true, secure: true, same_site: :lax)
  end

  post '/logout' do
    # ok: rack-set-cookie
    response.delete_cookie('session_token')
    # ok: rack-set-cookie
    response.set_cookie('session_token', value: '', expires: Time.at(0))
  end
end
