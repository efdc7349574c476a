var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapPost("/login", (HttpContext context, string user) =>
{
    // ruleid: aspnetcore-cookies-append httpOnly-missing secure-missing fixable
    context.Response.Cookies.Append("session", user);
    return Results.Ok();
});

app.MapGet("/prefs", (HttpResponse response) =>
{
    // ruleid: aspnetcore-cookies-append httpOnly-missing secure-missing fixable
    response.Cookies.Append(
        "lang",
        "en");
});

app.Use(async (context, next) =>
{
    var response = context.Response;
    // ruleid: aspnetcore-cookies-append httpOnly-missing secure-missing fixable
    response.Cookies.Append("sessionId", context.TraceIdentifier);
    // ruleid: aspnetcore-cookies-append httpOnly-missing secure-missing fixable
    context.Response.Cookies.Append("visitor", Guid.NewGuid().ToString(), new() { IsEssential = true });
    await next();
});

app.Run();

class Basket
{
    private readonly CookieJar _jar = new();

    public void Keep(string id)
    {
        // ok: aspnetcore-cookies-append
        _jar.Cookies.Append("basket", id);
    }
}

class CookieJar
{
    public List<string> Cookies { get; } = new();
}
