using Microsoft.CodeAnalysis;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Generator.Tests;

/// <summary>
/// The generator never throws: malformed and hostile contracts end as located diagnostics, never CS8785 (a
/// generator exception), which would hide every finding and fail the build with a stack trace.
/// </summary>
public sealed class HostileInputTests
{
    public static TheoryData<string, string> Hostile() => new()
    {
        { "empty", "" },
        { "only-comment", "# nothing here\n" },
        { "scalar-root", "just a string" },
        { "list-root", "- a\n- b\n" },
        { "tabs", "service:\tx\n\tmetrics: 1" },
        { "unclosed-flow", "service: x\nlabels: { env: { values: [dev, prod }\n" },
        { "binary", "\u0000\u0001\u0002\uFFFD\uFFFE garbage \u0000" },
        { "alias-bomb", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n" },
        { "deep-nesting", new string('[', 5000) + new string(']', 5000) },
        { "wrong-types", "service: [1, 2]\nnamespace: {a: b}\nmetrics: [x]\nlabels: 7\n" },
        { "metric-wrong-shape", "service: s\nnamespace: n\nmetrics:\n  m_total: { type: counter, labels: { a: b }, buckets: nope }\n" },
        { "histogram-bad-buckets", "service: s\nnamespace: n\nmetrics:\n  d_seconds: { type: histogram, help: h, buckets: [1, 0.5, .nan, .inf] }\n" },
        { "keyword-names", "service: class\nnamespace: event\nlabels:\n  default: { values: [new, class, 5xx, \"\", \"a b\"] }\nmetrics:\n  return_total: { type: counter, help: h, labels: [default] }\n" },
        { "huge-line", "service: " + new string('x', 200_000) + "\n" },
        { "json-broken", "{\"service\": \"s\", \"metrics\": {" },
        { "duplicate-keys", "service: a\nservice: b\nnamespace: n\n" },
        { "undeclared-label-everywhere", "service: s\nnamespace: n\nmetrics:\n  a_total: { type: counter, help: h, labels: [x, y, x] }\nlogs:\n  app: { stream: { source: $nope }, levels: [info], fields: [z] }\n" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void HostileContract_EndsInLocatedDiagnostics_NeverAGeneratorException(string name, string text)
    {
        var path = "/src/" + name + (name.StartsWith("json", StringComparison.Ordinal) ? ".telemetry.json" : ".telemetry.yaml");
        AssertHandled(path, text);
    }

    public static TheoryData<string> InvalidCorpus()
    {
        var data = new TheoryData<string>();
        var dir = Path.Combine(RepoPaths.Root, "tests", "TelemetryContracts.Contracts.Tests", "contracts", "invalid");
        foreach (var file in Directory.Exists(dir) ? Directory.EnumerateFiles(dir).Where(ContractLoaderIsContract).Order(StringComparer.Ordinal).ToList() : [])
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidCorpus))]
    public void InvalidContractCorpus_EndsInLocatedDiagnostics_NeverAGeneratorException(string file)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "TelemetryContracts.Contracts.Tests", "contracts", "invalid", file);
        AssertHandled("/corpus/" + file, File.ReadAllText(path));
    }

    private static bool ContractLoaderIsContract(string path) => TelemetryContracts.Contracts.ContractLoader.IsContractFile(path);

    private static void AssertHandled(string path, string text)
    {
        var (output, diagnostics, result) = GeneratorHarness.Run(GeneratorHarness.Compilation(), GeneratorHarness.Contract(path, text));

        Assert.Null(result.Results.Single().Exception);
        Assert.DoesNotContain(diagnostics, d => d.Id is "CS8785" or "CS8784" || d.Id == "TC2001");
        var generated = result.Results.Single().GeneratedSources.Length > 0;
        Assert.True(generated || diagnostics.Length > 0, "Nothing was generated and nothing was reported.");
        Assert.All(diagnostics, d => Assert.True(path == d.Location.GetLineSpan().Path, d.ToString()));
        if (generated)
        {
            // Whatever is generated from odd but valid names must still compile.
            Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        }
    }
}
