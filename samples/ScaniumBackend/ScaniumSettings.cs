using ScaniumBackend.Telemetry;

namespace ScaniumBackend;

/// <summary>
/// Configuration under <c>Scanium:</c> (environment variables <c>Scanium__Env</c>, …) plus the scrape token from
/// <c>SCANIUM_METRICS_TOKEN</c>, the variable the contract's scrape auth names.
/// </summary>
public sealed class ScaniumSettings
{
    /// <summary>The <c>env</c> label of every series and log line.</summary>
    public ScaniumBackendTelemetry.Env Env { get; init; }

    /// <summary>The delay of <c>/api/slow</c> when the request gives none.</summary>
    public int SlowDelayMs { get; init; } = 300;

    /// <summary>Classification time per scan, so the queue depth is visible under load.</summary>
    public int ClassifyDelayMs { get; init; } = 20;

    /// <summary>The bearer token protecting <c>/metrics</c>, or null for an open endpoint.</summary>
    public string? MetricsToken { get; init; }

    /// <summary>Incident emulation: metric names (without namespace or with) left out of <c>/metrics</c>.</summary>
    public IReadOnlyList<string> OmitMetrics { get; init; } = [];

    /// <summary>Incident emulation: a label exported under another name (<c>from:to</c>).</summary>
    public (string From, string To)? RenameLabel { get; init; }

    /// <summary>True when an incident switch changes what <c>/metrics</c> serves.</summary>
    public bool HasIncident => OmitMetrics.Count > 0 || RenameLabel is not null;

    /// <summary>Reads and validates the settings; an unknown env or a malformed switch stops startup with a clear message.</summary>
    public static ScaniumSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Scanium");
        var envText = section["Env"] ?? "dev";
        if (!ScaniumBackendTelemetry.TryParse(envText, out ScaniumBackendTelemetry.Env env))
        {
            throw new InvalidOperationException($"Scanium:Env is '{envText}', but the contract declares env as one of dev, staging, prod.");
        }

        (string, string)? rename = null;
        if (section["RenameLabel"] is { Length: > 0 } r)
        {
            var parts = r.Split(':');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new InvalidOperationException($"Scanium:RenameLabel is '{r}'; write it as from:to, e.g. service_name:app.");
            }

            rename = (parts[0], parts[1]);
        }

        var token = configuration["SCANIUM_METRICS_TOKEN"];
        return new ScaniumSettings
        {
            Env = env,
            SlowDelayMs = section.GetValue("SlowDelayMs", 300),
            ClassifyDelayMs = section.GetValue("ClassifyDelayMs", 20),
            MetricsToken = string.IsNullOrEmpty(token) ? null : token,
            OmitMetrics = (section["OmitMetrics"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            RenameLabel = rename,
        };
    }
}
