import org.springframework.http.ResponseCookie;

class Crlf {
	ResponseCookie make(String v) {
		// ruleid: spring-response-cookie httpOnly-missing secure-missing fixable
		return ResponseCookie.from("sid", v)
				.path("/")
				.httpOnly(true)
				.secure(true)
				.build();
	}
}
