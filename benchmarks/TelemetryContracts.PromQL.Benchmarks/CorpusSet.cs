using TelemetryContracts.PromQL.Tests.Corpus;

namespace TelemetryContracts.PromQL.Benchmarks;

/// <summary>The unique expressions of the shared corpus (promqltest, rules, compliance, lezer, dashboards).</summary>
public static class CorpusSet
{
    public static string[] Expressions() => PromQLCorpus.All().Select(c => c.Expression).Distinct(StringComparer.Ordinal).ToArray();
}
