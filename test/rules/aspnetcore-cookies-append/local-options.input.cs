using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Controllers;

public class CartController : ControllerBase
{
    private readonly bool _secureCookies;

    [HttpPost]
    public IActionResult Save(string cart)
    {
        // ruleid: aspnetcore-cookies-append httpOnly-missing secure-missing fixable
        var options = new CookieOptions();
        options.Expires = DateTimeOffset.UtcNow.AddDays(7);
        options.Path = "/cart"; // the cart pages only
        Response.Cookies.Append("cart", cart, options);
        return Ok();
    }

    public IActionResult Token(string token)
    {
        // ruleid: aspnetcore-cookies-append secure-conditional conditional
        CookieOptions options = new() { HttpOnly = true, Secure = Request.IsHttps };
        Response.Cookies.Append("access_token", token, options);
        return Ok();
    }

    public IActionResult Later(string token)
    {
        // ruleid: aspnetcore-cookies-append httpOnly-missing secure-conditional fixable
        var cookieOptions = new CookieOptions { SameSite = SameSiteMode.Strict };
        if (_secureCookies)
        {
            cookieOptions.Secure = true;
        }
        Response.Cookies.Append("refresh_token", token, cookieOptions);
        cookieOptions.HttpOnly = true;
        return Ok();
    }

    public IActionResult Assigned(string token)
    {
        // ok: aspnetcore-cookies-append
        var o = new CookieOptions();
        o.HttpOnly = true;
        o.Secure = true;
        Response.Cookies.Append("sid", token, o);
        return Ok();
    }

    public IActionResult Shared(string token)
    {
        // ruleid: aspnetcore-cookies-append httpOnly-unknown secure-unknown conditional
        var shared = new CookieOptions();
        CookieDefaults.Apply(shared);
        Response.Cookies.Append("sid", token, shared);
        return Ok();
    }

    public void Write(string name, string value, CookieOptions given)
    {
        // ruleid: aspnetcore-cookies-append httpOnly-unknown secure-unknown conditional
        Response.Cookies.Append(name, value, given);
    }
}
