'use strict';

module.exports = {
  port: Number(process.env.PORT || 3000),
  sessionPassword: process.env.SESSION_PASSWORD,
};
