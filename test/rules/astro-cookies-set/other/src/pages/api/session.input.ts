// A Next.js pages-router file: the `src/pages` folder is not Astro's here.
import type { NextApiRequest, NextApiResponse } from 'next';

export default function handler(req: NextApiRequest, res: NextApiResponse & { cookies: Map<string, string> }) {
  // ok: astro-cookies-set
  res.cookies.set('sid', 'x', { secure: false });
  res.end();
}
