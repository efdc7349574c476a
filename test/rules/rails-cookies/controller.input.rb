class SessionsController < ApplicationController
  def create
    user = User.authenticate(params[:email], params[:password])
    # ruleid: rails-cookies httpOnly-missing secure-missing fixable
    cookies[:session_token] = { value: user.token, expires: 2.weeks.from_now }

    # ruleid: rails-cookies secure-missing fixable
    cookies.signed[:user_id] = { value: user.id, httponly: true }

    # ruleid: rails-cookies httpOnly-missing secure-false fixable
    cookies.encrypted.permanent[:remember] = {
      value: user.remember_token,
      secure: false
    }

    # ruleid: rails-cookies httpOnly-missing secure-missing fixable
    cookies[:theme] = { :value => params[:theme], :path => '/' }

    # ruleid: rails-cookies secure-missing fixable
    cookies[:auth_token] = { 'value' => user.token, 'httponly' => true, }

    # ok: rails-cookies
    cookies[:sid] = { value: user.sid, httponly: true, secure: true, same_site: :lax }

    # ok: rails-cookies
    cookies.signed[:token] = { value: user.token, httponly: true, secure: Rails.env.production? }

    # Secure that follows the request: on over HTTPS, off over plain HTTP.
    # ruleid: rails-cookies secure-conditional conditional
    cookies.permanent[:device] = { value: user.device_id, httponly: true, secure: request.ssl? }
    redirect_to root_path
  end

  def destroy
    # Deletions and reads: nothing to protect.
    # ok: rails-cookies
    cookies.delete(:session_token)
    # ok: rails-cookies
    cookies[:session_token] = { value: '', expires: 1.day.ago }
    # ok: rails-cookies
    cookies[:remember] = nil
    # ok: rails-cookies
    token = cookies[:session_token]
    reset_session
  end
end
