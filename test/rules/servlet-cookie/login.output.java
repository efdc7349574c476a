package com.example.web;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class LoginServlet extends HttpServlet {
  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String token = sessions.issue(request.getParameter("user"));
    // ruleid: servlet-cookie httpOnly-missing secure-missing fixable
    Cookie session = new Cookie("session", token);
    session.setPath("/");
    session.setMaxAge(3600); // one hour
    session.setHttpOnly(true);
    session.setSecure(true);
    response.addCookie(session);

    // ruleid: servlet-cookie secure-missing fixable
    Cookie prefs = new Cookie("theme", "dark");
    prefs.setHttpOnly(true);
    prefs.setSecure(true);
    response.addCookie(prefs);

    // ok: servlet-cookie
    Cookie strict = new Cookie("auth", token);
    strict.setHttpOnly(true);
    strict.setSecure(true);
    response.addCookie(strict);

    // ruleid: servlet-cookie secure-conditional conditional
    Cookie remember = new Cookie("remember", "1");
    remember.setHttpOnly(true);
    remember.setSecure(request.isSecure());
    response.addCookie(remember);
  }

  @Override
  protected void doDelete(HttpServletRequest request, HttpServletResponse response) {
    // ok: servlet-cookie
    Cookie gone = new Cookie("session", "");
    gone.setMaxAge(0);
    response.addCookie(gone);
  }

  // Read from the request, never sent back: not a site.
  String current(HttpServletRequest request) {
    for (Cookie cookie : request.getCookies()) {
      if (cookie.getName().equals("session")) return cookie.getValue();
    }
    // ok: servlet-cookie
    Cookie fallback = new Cookie("session", "none");
    return fallback.getValue();
  }
}
