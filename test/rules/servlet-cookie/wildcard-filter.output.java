package com.example.filter;

import jakarta.servlet.*;
import jakarta.servlet.http.*;
import java.io.IOException;

public class TrackingFilter implements Filter {
  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    // ruleid: servlet-cookie httpOnly-false secure-false fixable
    Cookie visitor = new Cookie("visitor", java.util.UUID.randomUUID().toString());
    visitor.setHttpOnly(false);
    visitor.setSecure(true);
    ((HttpServletResponse) res).addCookie(visitor);
    chain.doFilter(req, res);
  }
}
