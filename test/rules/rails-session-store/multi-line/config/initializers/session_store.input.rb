# ruleid: rails-session-store secure-missing fixable
Rails.application.config.session_store :active_record_store,
                                       key: '_app_session', # the name the load balancer pins on
                                       expire_after: 14.days

# ok: rails-session-store
Rails.application.config.session_store :cookie_store, key: '_app_session', secure: Rails.env.production?

# ruleid: rails-session-store secure-conditional conditional
Rails.application.config.session_store :cookie_store, key: '_app_session', secure: ENV['HTTPS'] == 'on'

# No session cookie at all.
# ok: rails-session-store
Rails.application.config.session_store :disabled
