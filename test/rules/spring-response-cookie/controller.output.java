package com.example.auth;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AuthController {
  @PostMapping("/login")
  public ResponseEntity<Void> login(String user) {
    String token = tokens.issue(user);
    // ruleid: spring-response-cookie httpOnly-missing secure-missing fixable
    ResponseCookie cookie = ResponseCookie.from("access_token", token)
        .path("/")
        .maxAge(Duration.ofHours(1))
        .sameSite("Lax")
        .httpOnly(true)
        .secure(true)
        .build();
    return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookie.toString()).build();
  }

  @PostMapping("/theme")
  public ResponseEntity<Void> theme(String value) {
    // ruleid: spring-response-cookie secure-missing fixable
    ResponseCookie cookie = ResponseCookie.from("theme", value).httpOnly(true).path("/").secure(true).build();
    return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookie.toString()).build();
  }

  @PostMapping("/refresh")
  public ResponseEntity<Void> refresh(String token) {
    // ruleid: spring-response-cookie secure-false fixable
    ResponseCookie cookie = ResponseCookie.from("refresh_token", token)
        .httpOnly(true)
        .secure(true) // TODO
        .build();
    return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookie.toString()).build();
  }

  @PostMapping("/logout")
  public ResponseEntity<Void> logout() {
    // ok: spring-response-cookie
    ResponseCookie gone = ResponseCookie.from("access_token", "").path("/").maxAge(0).build();
    // ok: spring-response-cookie
    ResponseCookie strict = ResponseCookie.from("session", "x").httpOnly(true).secure(true).build();
    return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, gone.toString(), strict.toString()).build();
  }
}
