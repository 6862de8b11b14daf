using TelemetryContracts.Diagnostics;
using TelemetryContracts.Exposition;

namespace TelemetryContracts.Checks;

/// <summary>
/// Every declared metric is served with the declared type, label names and bucket layout. The incident it ends:
/// dashboards built for metrics that existed only on an unreleased branch ("dashboard ahead of code").
/// </summary>
public sealed class DeclaredMetricsExposedCheck : ParsedExpositionCheck
{
    /// <summary>The check's ID.</summary>
    public const string CheckId = "metrics/declared-exposed";

    /// <inheritdoc />
    public override string Id => CheckId;

    /// <inheritdoc />
    public override string Title => "Declared metrics served";

    /// <inheritdoc />
    protected override IReadOnlyList<Finding> Inspect(CheckContext context, ExpositionParseResult result, Uri url)
    {
        var served = result.Families.Select(f => f.Name).ToList();
        var findings = new List<Finding>();
        foreach (var metric in context.Contract.Metrics)
        {
            var path = "metrics." + metric.Name;
            var family = ExpositionLookup.Find(result, metric);
            if (family is null)
            {
                var suggestion = MetricNameSuggester.Suggest(metric.FullName, served);
                var extra = suggestion is { } s ? $"; did you mean '{s.Name}' ({s.Why})?" : "";
                var f = RuleCatalog.MetricNotExposed.At(At(context, metric, path, url), metric.FullName, extra)
                    .WithEvidence($"GET {url.AbsoluteUri} served {result.Families.Count} metric families, {served.Count(n => n.StartsWith(context.Contract.Namespace + "_", StringComparison.Ordinal))} under '{context.Contract.Namespace}_': {List(served.Where(n => n.StartsWith(context.Contract.Namespace + "_", StringComparison.Ordinal)))}");
                findings.Add(metric.Required ? f : f with { Severity = Severity.Warning });
                continue;
            }

            var expected = ExpositionLookup.Expected(metric.Type);
            if (family.Type != expected)
            {
                findings.Add(RuleCatalog.MetricTypeMismatch.At(At(context, metric, path + ".type", url), metric.FullName, ExpositionLookup.Describe(metric.Type), family.TypeDeclared ? family.Type.ToString().ToLowerInvariant() : "untyped (no # TYPE line)")
                    .WithEvidence($"line {family.Line}: family '{family.Name}' of type {family.Type}"));
            }

            if (family.Samples.Count > 0)
            {
                var names = ExpositionLookup.LabelNames(family);
                var declared = new SortedSet<string>(metric.Labels, StringComparer.Ordinal);
                if (!names.SetEquals(declared))
                {
                    var missing = declared.Except(names).ToList();
                    var unexpected = names.Except(declared).ToList();
                    var renamed = missing.Count == 1 && unexpected.Count == 1 ? $"; '{unexpected[0]}' is served where '{missing[0]}' is declared (renamed in code?)" : "";
                    findings.Add(RuleCatalog.MetricLabelsMismatch.At(At(context, metric, path + ".labels", url), metric.FullName, string.Join(", ", names), string.Join(", ", declared), renamed)
                        .WithEvidence($"line {family.Samples[0].Line}: {Sample(family.Samples[0])}"));
                }
            }

            if (metric.Buckets is { Count: > 0 } buckets && family.Samples.Count > 0)
            {
                var servedBuckets = ExpositionLookup.Buckets(family);
                var declaredBuckets = buckets.OrderBy(b => b).ToList();
                if (servedBuckets.Count > 0 && !servedBuckets.SequenceEqual(declaredBuckets, BucketComparer.Instance))
                {
                    findings.Add(RuleCatalog.BucketLayoutMismatch.At(At(context, metric, path + ".buckets", url), metric.FullName, ExpositionLookup.Format(servedBuckets), ExpositionLookup.Format(declaredBuckets)));
                }
            }
        }

        return findings;
    }

    private static string Sample(Exposition.Sample s) => s.Name + "{" + string.Join(",", s.Labels.Select(l => l.ToString())) + "}";

    private sealed class BucketComparer : IEqualityComparer<double>
    {
        public static BucketComparer Instance { get; } = new();

        public bool Equals(double x, double y) => Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Abs(x));

        public int GetHashCode(double obj) => 0;
    }
}
