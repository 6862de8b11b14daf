using System.Text.RegularExpressions;

namespace TelemetryContracts.PromQL.Tests.Corpus;

/// <summary>
/// A deliberately simple expansion of Grafana template variables so dashboard expressions become plain PromQL for
/// the conformance test (the real expansion belongs to the dashboard component): interval variables become
/// <c>5m</c>, other variables a plausible identifier or number depending on where they stand.
/// </summary>
public static partial class GrafanaVariables
{
    [GeneratedRegex(@"\$\{(?<name>[A-Za-z0-9_.]+)(?::[^}]*)?\}|\[\[(?<name>[A-Za-z0-9_.]+)(?::[^\]]*)?\]\]|\$(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex VariablePattern();

    /// <summary>Replaces every variable reference in <paramref name="expr"/>.</summary>
    public static string Expand(string expr) => VariablePattern().Replace(expr, m =>
    {
        var name = m.Groups["name"].Value;
        var lower = name.ToLowerInvariant();
        switch (lower)
        {
            case "__rate_interval" or "__interval" or "__range" or "__auto_interval" or "interval" or "resolution" or "__auto":
                return "5m";
            case "__range_s" or "__interval_s":
                return "300";
            case "__range_ms" or "__interval_ms":
                return "300000";
        }

        if (lower.Contains("interval", StringComparison.Ordinal) || lower.Contains("range", StringComparison.Ordinal) || lower.Contains("window", StringComparison.Ordinal))
        {
            return "5m";
        }

        // Inside brackets a duration is the only plausible value.
        var before = expr.LastIndexOfAny(['[', ']'], Math.Max(0, m.Index - 1));
        if (before >= 0 && expr[before] == '[' && !expr.AsSpan(before, m.Index - before).Contains('"')) { return "5m"; }
        if (lower is "quantile" or "percentile" or "threshold" or "limit" or "top" or "topk" or "k" or "n" or "count") { return "5"; }
        var ident = Regex.Replace(name, "[^A-Za-z0-9_]", "_").TrimStart('_');
        return ident.Length == 0 || char.IsDigit(ident[0]) ? "v" + ident : ident;
    });
}
