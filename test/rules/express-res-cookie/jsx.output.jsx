import React from 'react';

export function loginRoute(app) {
  app.post('/login', (req, res) => {
    // ruleid: express-res-cookie httpOnly-missing secure-missing fixable
    res.cookie('session', req.sessionID, { maxAge: 1000, httpOnly: true, secure: true }); // keep for a second
    res.send(renderToString(<Welcome user={req.user} />));
  });
}

function Welcome({ user }) {
  return <p className="welcome">Hello {user.name}</p>;
}
