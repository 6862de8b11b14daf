using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Checks;

/// <summary>
/// The declared stream label names exist in Loki and carry the declared values. The incident: dashboards queried
/// <c>{source="scanium-backend"}</c> while the collector attached <c>source="docker"</c>; the finding shows the values that do exist.
/// </summary>
public sealed class LokiStreamLabelsCheck : LokiStreamsCheck
{
    /// <summary>The check's ID.</summary>
    public const string CheckId = "loki/stream-labels";

    /// <inheritdoc />
    public override string Id => CheckId;

    /// <inheritdoc />
    public override string Title => "Loki stream labels and values exist";

    /// <inheritdoc />
    public override IReadOnlyList<string> DependsOn { get; } = new[] { LokiReadyCheck.CheckId };

    /// <inheritdoc />
    public override async Task<IReadOnlyList<Finding>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var labels = await context.GetLokiLabelsAsync(cancellationToken).ConfigureAwait(false);
        if (labels is null)
        {
            return None;
        }

        if (ApiFailure(labels, "/loki/api/v1/labels") is { } failed)
        {
            return new[] { failed };
        }

        var loki = context.LokiEndpoint!;
        var known = new HashSet<string>(labels.Data!, StringComparer.Ordinal);
        var window = MetricSeriesInTsdbCheck.Duration(context.Settings.Lookback);
        var findings = new List<Finding>();
        foreach (var stream in context.Contract.Logs)
        {
            foreach (var label in stream.Labels)
            {
                var location = At(context, label, $"logs.{stream.Name}.stream.{label.Name}", loki.Url);
                if (!known.Contains(label.Name))
                {
                    var existing = known.Count == 0 ? $"none (Loki has no streams at all in the last {window})" : List(known.OrderBy(k => k, StringComparer.Ordinal));
                    var f = RuleCatalog.LokiLabelMissing.At(location, label.Name, stream.Name, existing).WithEvidence(labels.Exchange.Describe(400));
                    var suggestion = MetricNameSuggester.Suggest(label.Name, known);
                    findings.Add(suggestion is { } s ? f.WithHint($"Did you mean '{s.Name}'? " + f.Hint) : f);
                    continue;
                }

                var expected = label.FixedValue is { } v ? new[] { v }
                    : label.LabelRef is { } r && context.Contract.FindLabel(r) is { IsClosed: true } def ? def.ClosedValues.ToArray()
                    : Array.Empty<string>();
                if (expected.Length == 0)
                {
                    continue;
                }

                var values = await context.GetLokiLabelValuesAsync(label.Name, cancellationToken).ConfigureAwait(false);
                if (values is null)
                {
                    continue;
                }

                if (ApiFailure(values, $"/loki/api/v1/label/{label.Name}/values") is { } vf)
                {
                    findings.Add(vf);
                    continue;
                }

                var present = values.Data!;
                if (!expected.Any(present.Contains))
                {
                    findings.Add(RuleCatalog.LokiLabelValueMissing.At(location, label.Name, string.Join("|", expected), stream.Name, List(present.Select(p => $"{label.Name}=\"{p}\"")))
                        .WithEvidence(values.Exchange.Describe(400)));
                }
            }
        }

        return findings;
    }
}
