using Microsoft.AspNetCore.Http;

namespace Legacy
{
	public class Prefs
	{
		public void Set(HttpContext http, string value)
		{
			// ruleid: aspnetcore-cookies-append httpOnly-missing secure-false fixable
			http.Response.Cookies.Append("sessionid", value, new CookieOptions
			{
				Secure = false,
				MaxAge = TimeSpan.FromHours(1),
			});
		}
	}
}
