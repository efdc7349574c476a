import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;

class Late {
  void set(HttpServletResponse response, String token) {
    // ruleid: servlet-cookie secure-missing fixable
    Cookie cookie = new Cookie("session", token);
    cookie.setHttpOnly(true);
    response.addCookie(cookie);
    // Too late: Tomcat wrote the Set-Cookie header in addCookie.
    cookie.setSecure(true);
  }
}
