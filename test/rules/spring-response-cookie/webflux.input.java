package com.example.flux;

import org.springframework.http.*;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

class Handler {
  Mono<Void> remember(ServerWebExchange exchange, String id, boolean https) {
    exchange.getResponse().addCookie(
        // ruleid: spring-response-cookie httpOnly-missing secure-conditional manual
        ResponseCookie.from("lang", id).secure(https).build());
    return Mono.empty();
  }
}

class Own {
  // A builder of another class with the same method names: not Spring's.
  Object make() {
    // ok: spring-response-cookie
    return CookieBuilder.from("session", "v").build();
  }
}
