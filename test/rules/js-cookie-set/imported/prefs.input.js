const Cookies = require('js-cookie');
const { cookieAttributes } = require('./attributes');

module.exports.hideBanner = () => Cookies.set('banner', 'hidden', cookieAttributes);
