import { describe, expect, it } from 'vitest';
import { goRequestScheme } from '../../src/languages/go/request-scheme.js';

const at = (text: string) => text.indexOf('COOKIE');

describe('goRequestScheme', () => {
  it.each([
    ['net/http', 'func h(w http.ResponseWriter, req *http.Request) {', 'req.TLS != nil'],
    ['github.com/gin-gonic/gin', 'func h(ctx *gin.Context) {', 'ctx.Request.TLS != nil'],
    ['github.com/labstack/echo/v4', 'func h(c echo.Context) error {', 'c.IsTLS()'],
    ['github.com/gofiber/fiber/v2', 'func h(c *fiber.Ctx) error {', 'c.Protocol() == "https"'],
  ])('names the request of a %s handler', (path, header, value) => {
    const text = `package web\n\nimport "${path}"\n\n${header}\n\t_ = COOKIE\n}\n`;
    expect(goRequestScheme('web/h.go', text, at(text))?.value).toBe(value);
  });

  it('follows a closure out to the handler, and finds nothing outside one', () => {
    const inside =
      'package web\n\nimport "net/http"\n\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tgo func() {\n\t\t_ = COOKIE\n\t}()\n}\n';
    expect(goRequestScheme('web/h.go', inside, at(inside))?.value).toBe('r.TLS != nil');
    const outside =
      'package web\n\nimport "net/http"\n\nvar c = COOKIE\n\nfunc h(w http.ResponseWriter, r *http.Request) {}\n';
    expect(goRequestScheme('web/h.go', outside, at(outside))).toBeNull();
  });
});
