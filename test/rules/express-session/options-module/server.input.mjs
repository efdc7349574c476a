import express from 'express';
import session from 'express-session';
import expressConfig from './express.config.mjs';

const app = express();
app.use(session(expressConfig));
