namespace TelemetryContracts.Runtime;

/// <summary>
/// A text exposition format and its content type: Prometheus text 0.0.4 or OpenMetrics 1.0.0.
/// <see cref="Negotiate"/> picks one from a scraper's <c>Accept</c> header.
/// </summary>
public sealed class ExpositionFormat
{
    private ExpositionFormat(string name, string contentType, bool isOpenMetrics)
    {
        Name = name;
        ContentType = contentType;
        IsOpenMetrics = isOpenMetrics;
    }

    /// <summary>Prometheus text format 0.0.4.</summary>
    public static ExpositionFormat PrometheusText { get; } = new("prometheus-text-0.0.4", "text/plain; version=0.0.4; charset=utf-8", false);

    /// <summary>OpenMetrics text 1.0.0 (adds <c># UNIT</c> and the closing <c># EOF</c>).</summary>
    public static ExpositionFormat OpenMetrics { get; } = new("openmetrics-1.0.0", "application/openmetrics-text; version=1.0.0; charset=utf-8", true);

    /// <summary>A short name for logs and tests.</summary>
    public string Name { get; }

    /// <summary>The value for the response's <c>Content-Type</c> header.</summary>
    public string ContentType { get; }

    /// <summary>True for OpenMetrics.</summary>
    public bool IsOpenMetrics { get; }

    /// <summary>
    /// Chooses the format for an <c>Accept</c> header: OpenMetrics when the client accepts
    /// <c>application/openmetrics-text</c> (version 1.0.0 or unversioned) with a quality at least that of text,
    /// otherwise Prometheus text (also for a missing or unparsable header, which is what curl and old scrapers send).
    /// </summary>
    public static ExpositionFormat Negotiate(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return PrometheusText;
        }

        double openMetricsQ = -1, textQ = -1;
        foreach (var rangeRange in accept.AsSpan().Split(','))
        {
            var range = accept.AsSpan()[rangeRange].Trim();
            var q = 1.0;
            string? version = null;
            var type = range;
            var semicolon = range.IndexOf(';');
            if (semicolon >= 0)
            {
                type = range[..semicolon].Trim();
                var parameters = range[(semicolon + 1)..];
                foreach (var pr in parameters.Split(';'))
                {
                    var p = parameters[pr].Trim();
                    var eq = p.IndexOf('=');
                    if (eq <= 0)
                    {
                        continue;
                    }

                    var key = p[..eq].Trim();
                    var value = p[(eq + 1)..].Trim().Trim('"');
                    if (key.Equals("q", StringComparison.OrdinalIgnoreCase))
                    {
                        q = double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
                    }
                    else if (key.Equals("version", StringComparison.OrdinalIgnoreCase))
                    {
                        version = value.ToString();
                    }
                }
            }

            if (type.Equals("application/openmetrics-text", StringComparison.OrdinalIgnoreCase))
            {
                if (version is null or "1.0.0")
                {
                    openMetricsQ = Math.Max(openMetricsQ, q);
                }
            }
            else if (type.Equals("text/plain", StringComparison.OrdinalIgnoreCase) || type.Equals("*/*", StringComparison.OrdinalIgnoreCase) || type.Equals("text/*", StringComparison.OrdinalIgnoreCase))
            {
                textQ = Math.Max(textQ, q);
            }
        }

        return openMetricsQ > 0 && openMetricsQ >= textQ ? OpenMetrics : PrometheusText;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
