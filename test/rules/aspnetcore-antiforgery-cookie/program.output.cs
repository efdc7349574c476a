using Microsoft.AspNetCore.Http;

var builder = WebApplication.CreateBuilder(args);

// ruleid: aspnetcore-antiforgery-cookie secure-missing fixable
builder.Services.AddAntiforgery(options => { options.HeaderName = "X-CSRF-TOKEN"; options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; });

// ruleid: aspnetcore-antiforgery-cookie httpOnly-false secure-false fixable
builder.Services.AddAntiforgery(options =>
{
    options.Cookie.HttpOnly = false;
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});

// ok: aspnetcore-antiforgery-cookie
builder.Services.AddAntiforgery(options =>
{
    options.Cookie.Name = "__Host-X-CSRF";
    options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
});

var app = builder.Build();
app.UseAntiforgery();
app.Run();
