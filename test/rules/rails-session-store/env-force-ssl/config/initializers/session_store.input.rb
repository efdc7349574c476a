# ruleid: rails-session-store secure-missing manual
Rails.application.config.session_store :cookie_store, key: '_agents_session'
