import Inert from '@hapi/inert';

const plugin = Inert;
// ok: hapi-plugin-options
const options = { cookieOptions: { isSecure: false } };

export { options, plugin };
