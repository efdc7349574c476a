using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

var builder = WebApplication.CreateBuilder(args);

// ok: aspnetcore-auth-cookie
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options =>
    {
        options.LoginPath = "/Account/Login";
    });

builder.Services
    .AddAuthentication()
    // ruleid: aspnetcore-auth-cookie secure-false fixable
    .AddCookie("Partner", options =>
    {
        options.Cookie.SecurePolicy = CookieSecurePolicy.None;
        options.Cookie.HttpOnly = true;
    });

// ruleid: aspnetcore-auth-cookie httpOnly-false fixable
builder.Services.ConfigureApplicationCookie(options => options.Cookie.HttpOnly = false);

// ok: aspnetcore-auth-cookie
builder.Services.ConfigureApplicationCookie(options => options.SlidingExpiration = true);

// ok: aspnetcore-auth-cookie
builder.Services.ConfigureExternalCookie(options => options.Cookie.SecurePolicy = builder.Environment.IsDevelopment()
    ? CookieSecurePolicy.SameAsRequest
    : CookieSecurePolicy.Always);

// ruleid: aspnetcore-auth-cookie httpOnly-conditional conditional
builder.Services.Configure<CookieAuthenticationOptions>("Partner", o => o.Cookie.HttpOnly = builder.Environment.IsProduction());

var app = builder.Build();
app.UseAuthentication();
app.Run();
