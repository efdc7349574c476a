using Microsoft.AspNetCore.Http;

public class PrefsMiddleware
{
    private readonly IHttpContextAccessor _accessor;

    public void Set(string value)
    {
        // The build decides the flags here: nothing is read or written inside the directives.
        // ruleid: aspnetcore-cookies-append httpOnly-unknown secure-unknown conditional
        _accessor.HttpContext?.Response.Cookies.Append("session", value, new CookieOptions
        {
#if DEBUG
            Secure = false,
#else
            Secure = true,
#endif
            HttpOnly = true
        });
        // ruleid: aspnetcore-cookies-append secure-conditional conditional
        var options = new CookieOptions { HttpOnly = true };
#if !DEBUG
        options.Secure = true;
#endif
        _accessor.HttpContext?.Response.Cookies.Append("token", value, options);
    }
}
