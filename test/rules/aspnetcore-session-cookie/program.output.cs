var builder = WebApplication.CreateBuilder(args);

builder.Services.AddDistributedMemoryCache();
// ruleid: aspnetcore-session-cookie secure-missing fixable
builder.Services.AddSession(options => options.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.Always);
builder.Services.AddControllersWithViews();

var app = builder.Build();
app.UseSession();
app.MapDefaultControllerRoute();
app.Run();
