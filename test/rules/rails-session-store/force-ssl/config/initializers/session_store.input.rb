# force_ssl in production makes the session cookie Secure.
# ok: rails-session-store
Rails.application.config.session_store :cookie_store, key: '_shop_session'
