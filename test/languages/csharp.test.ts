import { describe, expect, it } from 'vitest';
import { csharpCodeText } from '../../src/languages/csharp/code-text.js';
import { callOf, declaredType, nodesOfType, parseCSharp, textOf } from '../../src/languages/csharp/parse.js';
import { isTestFile, languageOf } from '../../src/languages/index.js';
import { mentionsCSharpApi } from '../../src/rules/prefilter.js';

describe('C# files', () => {
  it('are .cs files, and tests live in test projects or *Tests.cs', () => {
    expect(languageOf('src/Shop/Program.cs')).toBe('csharp');
    expect(
      [
        'Shop.Tests/CartTests.cs',
        'tests/Shop.UnitTests/Cart.cs',
        'src/Shop/CartTest.cs',
        'src/Shop/Cart.cs',
      ].map(isTestFile),
    ).toEqual([true, true, true, false]);
  });

  it('are parsed only when their code says a rule word', () => {
    const commented = '// Response.Cookies.Append("a", "b");\nclass A {}\n';
    expect(mentionsCSharpApi(commented)).toBe(true);
    expect(mentionsCSharpApi(csharpCodeText(commented)!)).toBe(false);
    expect(csharpCodeText('var s = "// Cookies.Append";\n')).toBe('var s = "// Cookies.Append";\n');
    expect(csharpCodeText('/* a\n b */ var raw = """\n // kept\n """;\n')).toBe(
      '\n var raw = """\n // kept\n """;\n',
    );
    // A verbatim string may hold a quote or a line break the stripper cannot follow: the parser decides.
    expect(csharpCodeText('var p = @"C:\\dir\\";\n')).toBeNull();
  });
});

describe('parseCSharp', () => {
  const text = `global using Microsoft.AspNetCore.Http;
using static System.Math;
using Alias = Microsoft.AspNetCore.Mvc;
namespace Shop
{
    using Microsoft.AspNetCore.Mvc;
    class A
    {
        private HttpResponse _field;
        void M(HttpContext ctx)
        {
            var inferred = ctx.Response;
            HttpResponse typed = ctx.Response;
            services.Configure<Microsoft.AspNetCore.Builder.SessionOptions>(o => o.Cookie.Name = "x");
            use(ctx, inferred, typed, _field);
        }
    }
}
`;

  it('reads namespaces imported whole, declared types and calls', () => {
    const module = parseCSharp('A.cs', text);
    try {
      expect(module.errorCount).toBe(0);
      expect([...module.usings]).toEqual(['Microsoft.AspNetCore.Http', 'Microsoft.AspNetCore.Mvc']);
      const calls = nodesOfType(module.tree.rootNode, ['invocation_expression']).map((node) =>
        callOf(text, node)!,
      );
      expect(calls.map((call) => [call.name, call.typeArguments, call.args.length])).toEqual([
        ['Configure', ['Microsoft.AspNetCore.Builder.SessionOptions'], 1],
        ['use', [], 4],
      ]);
      const use = calls[1]!;
      const typeOf = (name: string) => {
        const type = declaredType(module, use.node, name);
        return type ? textOf(text, type) : null;
      };
      expect(['ctx', 'inferred', 'typed', '_field', 'unknown'].map(typeOf)).toEqual([
        'HttpContext',
        null,
        'HttpResponse',
        'HttpResponse',
        null,
      ]);
    } finally {
      module.tree.delete();
    }
  });
});
