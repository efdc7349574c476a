import Yar from '@hapi/yar';

import { config } from './config.js';

const plugin = Yar;
const options = {
  storeBlank: false,
  // ruleid: hapi-plugin-options secure-false fixable
  cookieOptions: {
    isSameSite: 'Strict',
    isSecure: false,
    password: config.authentication.secret,
  },
};

export { options, plugin };
