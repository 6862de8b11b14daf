using TelemetryContracts.Checks.Clients;
using TelemetryContracts.Checks.Http;
using TelemetryContracts.Contracts;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Checks;

/// <summary>
/// The stream's recent lines parse with <c>| json</c> (no <c>__error__</c>) and carry the declared fields. Loki adds
/// parsed fields as labels, renaming a clash with an indexed label to <c>&lt;name&gt;_extracted</c>; both count.
/// </summary>
public sealed class LokiJsonFieldsCheck : LokiStreamsCheck
{
    /// <summary>The check's ID.</summary>
    public const string CheckId = "loki/json-fields";

    /// <inheritdoc />
    public override string Id => CheckId;

    /// <inheritdoc />
    public override string Title => "Log lines are JSON with the declared fields";

    /// <inheritdoc />
    public override IReadOnlyList<string> DependsOn { get; } = new[] { LokiRecentLinesCheck.CheckId };

    /// <inheritdoc />
    public override Task<IReadOnlyList<Finding>> RunAsync(CheckContext context, CancellationToken cancellationToken) =>
        InspectRecentLinesAsync(context, " | json", Inspect, cancellationToken);

    private static IEnumerable<Finding> Inspect(CheckContext context, LogStreamDefinition stream, string selector, ApiResponse<IReadOnlyList<global::TelemetryContracts.Clients.LogStream>> response)
    {
        var streams = response.Data!;
        var total = streams.Sum(s => s.Entries.Count);
        if (total == 0)
        {
            yield break;
        }

        var location = At(context, stream, $"logs.{stream.Name}.fields", context.LokiEndpoint!.Url);
        var broken = streams.Where(s => s.Labels.ContainsKey("__error__")).ToList();
        var brokenLines = broken.Sum(s => s.Entries.Count);
        if (brokenLines > 0)
        {
            var first = broken[0];
            var error = first.Labels["__error__"] + (first.Labels.TryGetValue("__error_details__", out var d) ? ": " + d : "");
            yield return RuleCatalog.LokiJsonParseError.At(location, brokenLines, total, selector, error)
                .WithEvidence($"{response.Exchange.Method} {response.Exchange.Url.AbsoluteUri}\nfirst such line: {TextSnippet.Of(System.Text.Encoding.UTF8.GetBytes(first.Entries[0].Line), 200)}");
        }

        var parsed = streams.Where(s => !s.Labels.ContainsKey("__error__")).ToList();
        var parsedLines = parsed.Sum(s => s.Entries.Count);
        if (parsedLines == 0)
        {
            yield break;
        }

        var keys = new HashSet<string>(parsed.SelectMany(s => s.Labels.Keys), StringComparer.Ordinal);
        var declared = stream.Fields.Select(f => f.Name).Prepend(stream.MessageField).Prepend(stream.LevelField).Distinct(StringComparer.Ordinal);
        foreach (var field in declared)
        {
            var name = field.Replace('.', '_');
            if (!keys.Contains(name) && !keys.Contains(name + "_extracted"))
            {
                var suggestion = MetricNameSuggester.Suggest(name, keys.Where(k => !k.StartsWith("__", StringComparison.Ordinal)));
                var extra = suggestion is { } s ? $"; did you mean '{s.Name}'?" : "";
                yield return RuleCatalog.LokiJsonFieldMissing.At(location, parsedLines, selector, field, extra)
                    .WithEvidence($"fields seen: {List(keys.Where(k => !k.StartsWith("__", StringComparison.Ordinal)).OrderBy(k => k, StringComparer.Ordinal), 20)}");
            }
        }
    }
}
