var builder = WebApplication.CreateBuilder(args);

builder.Services.AddDistributedMemoryCache();
// ruleid: aspnetcore-session-cookie secure-missing fixable
builder.Services.AddSession();
builder.Services.AddControllersWithViews();

var app = builder.Build();
app.UseSession();
app.MapDefaultControllerRoute();
app.Run();
