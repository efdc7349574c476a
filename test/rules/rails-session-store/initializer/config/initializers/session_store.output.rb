# Be sure to restart your server when you modify this file.

# ruleid: rails-session-store secure-missing fixable
Rails.application.config.session_store :cookie_store, key: '_shop_session', same_site: :lax, secure: true
