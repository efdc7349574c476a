// ASP.NET Core's project-wide evidence: the cookie policy middleware raises flags on every cookie (only when
// it is in the pipeline), Razor views are templates whose script may read a cookie, and a C# comment can say a
// cookie is served over plain HTTP.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { evidenceFileKind } from '../../src/evidence/files.js';
import { scanFiles } from '../../src/scan.js';
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

describe('Kestrel serving HTTPS only when configured', () => {
  const program = `var builder = WebApplication.CreateBuilder(args);
var certPath = builder.Configuration["Certificate:Path"];
builder.WebHost.ConfigureKestrel(options =>
{
    options.ListenAnyIP(8080);
    if (!string.IsNullOrEmpty(certPath))
    {
        options.ListenAnyIP(8443, listen => listen.UseHttps(certPath));
    }
});
var app = builder.Build();
app.MapControllers();
app.Run();
`;

  it('makes a new Secure follow the request', () => {
    // Read as discovery reads: the first-stage filter decides whether Program.cs (no cookie API) is kept.
    const files: Record<string, string> = { 'Program.cs': program, 'HomeController.cs': CONTROLLER };
    const result = scanFiles({
      files: Object.keys(files).sort(),
      read: (file, mustMention) =>
        mustMention && !mustMention(files[file]!) ? { unrelated: true } : { text: files[file]! },
      config: DEFAULT_CONFIG,
    });
    expect(
      result.findings.map((finding) => [finding.problems, finding.changedFlags, finding.evidence]),
    ).toEqual([
      [
        ['httpOnly-missing', 'secure-missing'],
        ['httpOnly', 'secure'],
        [
          {
            file: 'Program.cs',
            line: 6,
            fact: '`if (!string.IsNullOrEmpty(certPath))`: Kestrel serves HTTPS only when configured',
          },
        ],
      ],
    ]);
    expect(result.changes[0]?.after).toContain(
      'Response.Cookies.Append("session", token, new Microsoft.AspNetCore.Http.CookieOptions { HttpOnly = true, Secure = Request.IsHttps });',
    );
  });
});
