import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;

class Mixed {
  void set(ServerWebExchange exchange, String token) {
    exchange.getResponse()
        .addCookie(
            // ruleid: spring-response-cookie httpOnly-missing secure-missing fixable
            ResponseCookie.from("session", token)
                .path("/").sameSite("Strict").build());
  }
}
