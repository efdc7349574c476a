Rails.application.configure do
  # Local servers run over plain HTTP: the development environment is not judged.
  # ok: rails-session-store
  config.session_store :cookie_store, key: '_app_session', secure: false
end
