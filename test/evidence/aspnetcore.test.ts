// ASP.NET Core's project-wide evidence: the cookie policy middleware raises flags on every cookie (only when
// it is in the pipeline), Razor views are templates whose script may read a cookie, and a C# comment can say a
// cookie is served over plain HTTP.
import { describe, expect, it } from 'vitest';
import { evidenceFileKind } from '../../src/evidence/files.js';
import { scanProject as scan } from './scan-project.js';

const CONTROLLER = `using Microsoft.AspNetCore.Mvc;

public class HomeController : Controller
{
    public IActionResult Index(string token)
    {
        Response.Cookies.Append("session", token);
        return View();
    }
}
`;

const program = (configure: string, use: string) => `var builder = WebApplication.CreateBuilder(args);
${configure}
builder.Services.AddSession();
var app = builder.Build();
${use}
app.UseSession();
app.Run();
`;

const findings = (files: Record<string, string>) =>
  scan(files).findings.map((finding) => `${finding.file} ${finding.ruleId} ${finding.problems.join(' ')}`);

describe('ASP.NET Core cookie policy', () => {
  const always = `builder.Services.Configure<CookiePolicyOptions>(options =>
{
    options.HttpOnly = HttpOnlyPolicy.Always;
    options.Secure = CookieSecurePolicy.Always;
});`;

  it('raises both flags on every cookie when the middleware runs', () => {
    expect(
      findings({ 'Program.cs': program(always, 'app.UseCookiePolicy();'), 'HomeController.cs': CONTROLLER }),
    ).toEqual([]);
  });

  it('changes nothing when the middleware is not in the pipeline', () => {
    expect(findings({ 'Program.cs': program(always, ''), 'HomeController.cs': CONTROLLER })).toEqual([
      'HomeController.cs aspnetcore-cookies-append httpOnly-missing secure-missing',
      'Program.cs aspnetcore-session-cookie secure-missing',
    ]);
  });

  it('raises only the flag it names, and SameAsRequest counts as Secure', () => {
    const passed =
      'app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.SameAsRequest });';
    expect(findings({ 'Program.cs': program('', passed), 'HomeController.cs': CONTROLLER })).toEqual([
      'HomeController.cs aspnetcore-cookies-append httpOnly-missing',
    ]);
  });

  it('does not read a policy from a comment', () => {
    const commented = `// options.Secure = CookieSecurePolicy.Always; (CookiePolicyOptions)`;
    expect(
      findings({
        'Program.cs': program(commented, 'app.UseCookiePolicy();'),
        'HomeController.cs': CONTROLLER,
      }),
    ).toEqual([
      'HomeController.cs aspnetcore-cookies-append httpOnly-missing secure-missing',
      'Program.cs aspnetcore-session-cookie secure-missing',
    ]);
  });
});

describe('Razor views and C# comments', () => {
  it.each([
    ['Views/Home/Index.cshtml', 'template'],
    ['Components/Pages/Counter.razor', 'template'],
  ])('%s is %s', (file, kind) => expect(evidenceFileKind(file)).toBe(kind));

  it('leaves HttpOnly off a cookie a Razor view reads in its script', () => {
    const view = `@{ ViewData["Title"] = "Home"; }
<script>
  const hint = document.cookie.split('; ').find((row) => row.startsWith('session='));
</script>
`;
    const result = scan({ 'Controllers/HomeController.cs': CONTROLLER, 'Views/Home/Index.cshtml': view });
    expect(
      result.findings.map((finding) => [finding.problems, finding.changedFlags, finding.evidence]),
    ).toEqual([
      [
        ['httpOnly-missing', 'secure-missing'],
        ['secure'],
        [
          {
            file: 'Views/Home/Index.cshtml',
            line: 3,
            fact: 'browser code parses `document.cookie` for `session` (an inline script of a template)',
          },
        ],
      ],
    ]);
    expect(result.changes[0]?.after).toContain(
      'Response.Cookies.Append("session", token, new Microsoft.AspNetCore.Http.CookieOptions { Secure = true });',
    );
  });

  it('leaves Secure off where a comment says the app is served over plain HTTP', () => {
    const controller = CONTROLLER.replace(
      '        Response.Cookies.Append',
      '        // The kiosk serves plain HTTP on the shop floor network.\n        Response.Cookies.Append',
    );
    const result = scan({ 'HomeController.cs': controller });
    expect(result.findings.map((finding) => [finding.problems, finding.changedFlags])).toEqual([
      [['httpOnly-missing', 'secure-missing'], ['httpOnly']],
    ]);
  });
});
