import { createCookie } from "remix";

// ruleid: remix-create-cookie secure-missing fixable
export const sessionCookie = createCookie("_session", {
  // secrets: [process.env.COOKIE_SECRET],
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 7,
  secure: true,
});

// ok: remix-create-cookie
export const unrelated = createCookieLike("_session");

function createCookieLike(name) {
  return { name };
}
