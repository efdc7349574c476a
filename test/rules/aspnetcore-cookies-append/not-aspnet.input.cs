namespace Tools;

// A console tool with its own Response type: nothing here is ASP.NET Core's.
public class Response
{
    public static CookieList Cookies { get; } = new();
}

public class Writer
{
    public void Run()
    {
        // ok: aspnetcore-cookies-append
        Response.Cookies.Append("session", "x");
    }
}
