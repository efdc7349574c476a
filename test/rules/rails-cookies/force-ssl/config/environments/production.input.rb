require "active_support/core_ext/integer/time"

Rails.application.configure do
  config.eager_load = true
  # Every cookie gets Secure, and plain-HTTP requests are redirected to HTTPS.
  config.force_ssl = true
end
