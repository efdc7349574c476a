class SessionsController < ApplicationController
  def create
    # force_ssl makes the cookie Secure; HttpOnly is still up to the options.
    # ruleid: rails-cookies httpOnly-missing fixable
    cookies.encrypted[:session_token] = { value: current_user.token, secure: false, httponly: true }
  end
end
