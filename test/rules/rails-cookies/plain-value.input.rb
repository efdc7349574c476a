module Admin
  class LoginsController < Admin::BaseController
    def create
      # ruleid: rails-cookies httpOnly-missing secure-missing fixable
      cookies.signed[:admin_session] = session_token_for(current_admin).to_s

      # ruleid: rails-cookies httpOnly-missing secure-missing fixable
      cookies[:locale] = "#{params[:locale]}-#{params[:region]}"

      # A local set once to a string is a string.
      token = SecureRandom.urlsafe_base64(32)
      # ruleid: rails-cookies httpOnly-missing secure-missing fixable
      cookies.permanent[:auth_token] = token

      # A local set twice may be either.
      prefs = { value: 'wide', path: '/' }
      prefs = 'compact' if params[:compact]
      # ruleid: rails-cookies httpOnly-unknown secure-unknown conditional
      cookies[:prefs] = prefs

      # A name or a call may hold an options hash built elsewhere: wrapping it would break the cookie.
      # ruleid: rails-cookies httpOnly-unknown secure-unknown conditional
      cookies[:remember_token] = remember_options(current_admin)
    end
  end
end

class CookieHelper
  # Not a controller: a class of the project's own with a method of the same name.
  def write(cookies)
    # ok: rails-cookies
    cookies[:session_token] = 'abc'
  end
end

class ProfilesController < ApplicationController
  def update
    cookies = {}
    # A local hash named cookies shadows the jar.
    # ok: rails-cookies
    cookies[:session_token] = 'abc'
  end
end
