import { withIronSessionApiRoute } from 'iron-session/next';
import { ironOptions } from '../../lib/session';

export default withIronSessionApiRoute(async function loginRoute(req, res) {
  req.session.user = { id: 230, admin: true };
  await req.session.save();
  res.send({ ok: true });
}, ironOptions);
