using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Shop;

public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        // ruleid: aspnetcore-session-cookie secure-missing fixable
        services.AddSession(options =>
        {
            options.IdleTimeout = TimeSpan.FromMinutes(20);
            options.Cookie.Name = ".Shop.Session";
        });
    }
}

public class Other
{
    public void ConfigureServices(IServiceCollection services)
    {
        // ruleid: aspnetcore-session-cookie httpOnly-false secure-false fixable
        services.AddSession(o => { o.Cookie.HttpOnly = false; o.Cookie.SecurePolicy = CookieSecurePolicy.None; });
        // ruleid: aspnetcore-session-cookie secure-missing fixable
        services.AddSession(o => o.IdleTimeout = TimeSpan.FromMinutes(5));
        // ok: aspnetcore-session-cookie
        services.AddSession(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        // ok: aspnetcore-session-cookie
        services.AddSession(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // follows the request
        });
        // ruleid: aspnetcore-session-cookie secure-conditional conditional
        services.Configure<SessionOptions>(o => o.Cookie.SecurePolicy = Env.IsDevelopment() ? CookieSecurePolicy.None : CookieSecurePolicy.Always);
        // ok: aspnetcore-session-cookie
        services.Configure<SessionOptions>(o => o.IdleTimeout = TimeSpan.FromMinutes(5));
        // ruleid: aspnetcore-session-cookie secure-unknown conditional
        services.AddSession(o => Configuration.GetSection("Session").Bind(o));
    }
}

public class OneLine
{
    public void ConfigureServices(IServiceCollection services)
    {
        // ruleid: aspnetcore-session-cookie secure-missing fixable
        services.AddSession(o => { o.IdleTimeout = TimeSpan.FromMinutes(5); /* short */ });
    }
}

public class Directives
{
    public void ConfigureServices(IServiceCollection services)
    {
        // ruleid: aspnetcore-session-cookie secure-conditional conditional
        services.AddSession(o =>
        {
            o.IdleTimeout = TimeSpan.FromMinutes(5);
#if !DEBUG
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
#endif
        });
    }
}
