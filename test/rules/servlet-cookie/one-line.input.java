import javax.servlet.http.*;

class Compact {
  void set(HttpServletResponse response, boolean secure) {
    // ruleid: servlet-cookie httpOnly-missing secure-missing manual
    Cookie c = new Cookie("sid", "v"); response.addCookie(c);
    if (secure) {
      // ruleid: servlet-cookie httpOnly-missing secure-conditional manual
      Cookie d = new Cookie("lang", "en");
      if (secure) d.setSecure(true);
      response.addCookie(d);
    }
  }
}

class Inline {
  void greet(HttpServletResponse resp) {
    // ruleid: servlet-cookie httpOnly-missing secure-missing manual
    resp.addCookie(new Cookie("session", "Tom"));
  }
}
