using System.Text;
using TelemetryContracts.Runtime;

namespace ScaniumBackend;

/// <summary>
/// Serves <c>/metrics</c> the way a drifted build would: without the metrics named in <c>Scanium:OmitMetrics</c>
/// (the "dashboard ahead of code" incident) and/or with a label renamed (<c>Scanium:RenameLabel=service_name:app</c>).
/// Only used when a switch is set, so the normal build serves the runtime's exposition untouched.
/// </summary>
public static class ExpositionIncidentEndpoint
{
    /// <summary>Maps the drifted endpoint.</summary>
    public static void Map(WebApplication app, MetricRegistry registry, ScaniumSettings settings)
    {
        var auth = new ScrapeAuthorizer(new ScrapeAuthOptions { BearerToken = settings.MetricsToken });
        app.MapGet("/metrics", (HttpContext context) =>
        {
            if (!auth.IsAuthorized(context.Request.Headers.Authorization))
            {
                context.Response.Headers.WWWAuthenticate = auth.Challenges.ToArray();
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            }

            var text = Drift(registry.ToExpositionString(ExpositionFormat.PrometheusText), settings);
            return Results.Text(text, ExpositionFormat.PrometheusText.ContentType, Encoding.UTF8);
        });
    }

    /// <summary>Applies the switches to Prometheus text.</summary>
    public static string Drift(string exposition, ScaniumSettings settings)
    {
        // Counter families are named without _total in # HELP/# TYPE; omit both spellings.
        var omitted = settings.OmitMetrics
            .SelectMany(m => new[] { m, "scanium_" + m })
            .SelectMany(m => new[] { m, m.EndsWith("_total", StringComparison.Ordinal) ? m[..^"_total".Length] : m })
            .ToHashSet(StringComparer.Ordinal);
        var sb = new StringBuilder(exposition.Length);
        foreach (var line in exposition.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (omitted.Contains(MetricOf(line)))
            {
                continue;
            }

            var written = line;
            if (settings.RenameLabel is var (from, to) && !line.StartsWith('#'))
            {
                written = written.Replace("{" + from + "=\"", "{" + to + "=\"", StringComparison.Ordinal)
                    .Replace("," + from + "=\"", "," + to + "=\"", StringComparison.Ordinal);
            }

            sb.Append(written).Append('\n');
        }

        return sb.ToString();
    }

    private static string MetricOf(string line)
    {
        var name = line.StartsWith("# ", StringComparison.Ordinal) ? line.Split(' ') is { Length: > 2 } p ? p[2] : "" : line.Split('{', ' ')[0];
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }
}
