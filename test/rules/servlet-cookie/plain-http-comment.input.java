package com.example.player;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;

class Remember {
  void remember(HttpServletResponse response, String id) {
    // Secure is left off on purpose: the player may run over plain HTTP on a home network.
    // ruleid: servlet-cookie secure-missing manual
    Cookie cookie = new Cookie("player", id);
    cookie.setHttpOnly(true);
    response.addCookie(cookie);
  }
}
