namespace TelemetryContracts.MainJob;

/// <summary>Incidents from the reports that <c>--break</c> injects, to show a red report naming the cause.</summary>
public enum BreakScenario
{
    /// <summary>Nothing broken: the contract should hold.</summary>
    None,
    /// <summary>The scrape config points at a port nothing listens on (the 4000 vs 3001 incident).</summary>
    WrongPort,
    /// <summary>The scrape config sends no token to a bearer-protected /metrics.</summary>
    NoToken,
    /// <summary>The scrape target is the Compose service name, which does not resolve where Prometheus runs (different networks).</summary>
    UnresolvableHost,
    /// <summary>The deployed build lacks a metric the contract (and the dashboards) declare.</summary>
    MissingMetric,
    /// <summary>A label is exported under another name than the contract's.</summary>
    RenamedLabel,
}

/// <summary>Parsing and describing <see cref="BreakScenario"/> values.</summary>
public static class BreakScenarios
{
    /// <summary>The command-line spellings.</summary>
    public static readonly IReadOnlyDictionary<string, BreakScenario> Names = new Dictionary<string, BreakScenario>(StringComparer.Ordinal)
    {
        ["wrong-port"] = BreakScenario.WrongPort,
        ["no-token"] = BreakScenario.NoToken,
        ["unresolvable-host"] = BreakScenario.UnresolvableHost,
        ["missing-metric"] = BreakScenario.MissingMetric,
        ["renamed-label"] = BreakScenario.RenamedLabel,
    };
}
