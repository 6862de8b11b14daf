using TelemetryContracts.Diagnostics;
using TelemetryContracts.Exposition;

namespace TelemetryContracts.Checks;

/// <summary>Label values on the endpoint stay within the contract's closed sets (an unbounded or misspelt value hides from fixed dashboard variables and grows cardinality).</summary>
public sealed class ClosedLabelValuesCheck : ParsedExpositionCheck
{
    /// <summary>The check's ID.</summary>
    public const string CheckId = "metrics/closed-label-values";

    private const int MaxFindings = 20;

    /// <inheritdoc />
    public override string Id => CheckId;

    /// <inheritdoc />
    public override string Title => "Label values within closed sets";

    /// <inheritdoc />
    protected override IReadOnlyList<Finding> Inspect(CheckContext context, ExpositionParseResult result, Uri url)
    {
        var findings = new List<Finding>();
        foreach (var metric in context.Contract.Metrics)
        {
            var family = ExpositionLookup.Find(result, metric);
            if (family is null)
            {
                continue;
            }

            foreach (var labelName in metric.Labels)
            {
                if (context.Contract.FindLabel(labelName) is not { IsClosed: true } label)
                {
                    continue;
                }

                var allowed = new HashSet<string>(label.ClosedValues, StringComparer.Ordinal);
                var reported = new HashSet<string>(StringComparer.Ordinal);
                foreach (var sample in family.Samples)
                {
                    if (sample.GetLabel(labelName) is { } value && !allowed.Contains(value) && reported.Add(value) && findings.Count < MaxFindings)
                    {
                        findings.Add(RuleCatalog.LabelValueOutsideClosedSet.At(At(context, label, "labels." + labelName + ".values", url), metric.FullName, labelName, value, string.Join(", ", label.ClosedValues))
                            .WithEvidence($"line {sample.Line} of {url.AbsoluteUri}"));
                    }
                }
            }
        }

        return findings;
    }
}
