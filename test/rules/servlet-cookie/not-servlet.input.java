package com.example.client;

import com.example.http.Cookie;
import javax.servlet.http.HttpServletResponse;
import org.apache.http.impl.cookie.BasicClientCookie;

class Forwarder {
  // A project's own Cookie class, even next to a servlet response: not the Servlet API's.
  void copy(HttpServletResponse response) {
    // ok: servlet-cookie
    Cookie own = new Cookie("session", "v");
    response.addCookie(own);
  }

  // The Servlet Cookie handed to something that is not a response: a client-side cookie.
  void send(HttpClientContext context) {
    // ok: servlet-cookie
    javax.servlet.http.Cookie outgoing = new javax.servlet.http.Cookie("session", "v");
    context.addCookie(outgoing);
  }
}
