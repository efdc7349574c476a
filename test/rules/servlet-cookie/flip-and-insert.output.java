import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

class Both {
  void set(HttpServletResponse response, String id) {
    // ruleid: servlet-cookie httpOnly-missing secure-false fixable
    Cookie sid = new Cookie("sid", id);
    sid.setSecure(true); // off for now
    sid.setHttpOnly(true);

    response.addCookie(sid);
  }
}
