'use strict';

module.exports = {
  name: 'locale',
  options: { encoding: 'none', path: '/' },
};
