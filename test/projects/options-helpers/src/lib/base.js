exports.BASE_OPTIONS = { path: '/', sameSite: 'lax' };
