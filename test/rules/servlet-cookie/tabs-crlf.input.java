import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

class Tabs {
	void set(HttpServletResponse res, String id) {
		if (id != null) {
			// ruleid: servlet-cookie httpOnly-missing secure-missing fixable
			final Cookie c = new Cookie("sid", id); // the session id
			res.addCookie(c);
		}
	}
}
