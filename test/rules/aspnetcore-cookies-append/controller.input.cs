using System;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Controllers;

public class AccountController : Controller
{
    public IActionResult Login(string token)
    {
        // ruleid: aspnetcore-cookies-append httpOnly-missing secure-missing fixable
        Response.Cookies.Append("session", token, new CookieOptions { Path = "/" });
        return Ok();
    }

    public IActionResult Theme(string theme)
    {
        // ruleid: aspnetcore-cookies-append httpOnly-missing secure-missing fixable
        Response.Cookies.Append("theme", theme, new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1),
            IsEssential = true
        });
        return Ok();
    }

    public IActionResult Remember(string id)
    {
        // ruleid: aspnetcore-cookies-append secure-false fixable
        Response.Cookies.Append("auth_token", id, new CookieOptions { HttpOnly = true, Secure = false, });
        return Ok();
    }

    public IActionResult Both(string id)
    {
        // ok: aspnetcore-cookies-append
        Response.Cookies.Append("sid", id, new CookieOptions { HttpOnly = true, Secure = true });
        return Ok();
    }

    public IActionResult Logout()
    {
        // ok: aspnetcore-cookies-append
        Response.Cookies.Append("session", "", new CookieOptions { Expires = DateTimeOffset.UtcNow.AddDays(-1) });
        return Ok();
    }

    public IActionResult Plain(string token)
    {
        // ruleid: aspnetcore-cookies-append httpOnly-missing secure-missing fixable
        HttpContext.Response.Cookies.Append("session_id", token);
        return Ok();
    }
}

public class EmptyOptionsController : Controller
{
    public IActionResult Index(string id)
    {
        // ruleid: aspnetcore-cookies-append httpOnly-missing secure-missing fixable
        Response.Cookies.Append("session", id, new CookieOptions { });
        // ruleid: aspnetcore-cookies-append httpOnly-missing secure-missing manual
        Response.Cookies.Append("session", id, new CookieOptions());
        return Ok();
    }
}

public class PairsController : Controller
{
    public IActionResult Index(string a, string b)
    {
        var pairs = new[] { KeyValuePair.Create("pref_a", a), KeyValuePair.Create("pref_b", b) };
        // ruleid: aspnetcore-cookies-append httpOnly-missing secure-missing fixable
        var options = new CookieOptions { Path = "/prefs" };
        Response.Cookies.Append(pairs, options);
        return Ok();
    }
}
