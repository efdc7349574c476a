class AgentsController < ApplicationController
  def remember_filter
    # ruleid: rails-cookies httpOnly-missing secure-missing fixable
    cookies[:agents_filter] = {
      value: "enabled",
      expires: 1.year.from_now
    }
  end
end
