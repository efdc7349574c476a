import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

class Wrapped {
  void set(HttpServletResponse response, String token) {
    // ruleid: servlet-cookie httpOnly-missing secure-missing fixable
    Cookie cookie = new Cookie(
        "session",
        token);
    response.addCookie(cookie);
  }
}
