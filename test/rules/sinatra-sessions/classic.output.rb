require 'sinatra'

# ruleid: sinatra-sessions secure-missing fixable
set :sessions,
    key: 'todo.session',
    expire_after: 86_400,
    secure: true
set :session_secret, ENV.fetch('SESSION_SECRET')

get '/' do
  'hello'
end
