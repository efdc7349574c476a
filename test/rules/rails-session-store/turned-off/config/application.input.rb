require_relative 'boot'
require 'rails/all'

module Shop
  class Application < Rails::Application
    config.load_defaults 7.1
    # ruleid: rails-session-store httpOnly-false secure-false fixable
    config.session_store(:cookie_store, :key => '_shop_session', :httponly => false, :secure => false)
  end
end
