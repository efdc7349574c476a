export default {
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  // ruleid: express-session secure-conditional conditional
  cookie: {
    secure: process.env.NODE_ENV === 'production',
    expires: new Date(Date.now() + 3600000),
  },
};
