using System.Text.Json;
using TelemetryContracts.Contracts;
using TelemetryContracts.Dashboards;
using TelemetryContracts.Diagnostics;
using TelemetryContracts.Lint;
using TelemetryContracts.Lint.Index;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Lint.Tests;

/// <summary>Lints one-target dashboards against the real Scanium contracts (the incident's richest contract).</summary>
internal static class ScaniumContracts
{
    private static readonly Lazy<ContractIndex> index = new(() => new ContractIndex(
        Directory.GetFiles(Path.Combine(RepoPaths.Contracts, "scanium"), "*.telemetry.yaml").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => ContractLoader.LoadFile(f).Contract)));

    public static ContractIndex Index => index.Value;

    public static IReadOnlyList<Finding> LintPromQL(string expr, string variables = "[]") => Lint(expr, "prometheus", variables);

    public static IReadOnlyList<Finding> LintLogQL(string expr, string variables = "[]") => Lint(expr, "loki", variables);

    public static IReadOnlyList<Finding> Lint(string expr, string type, string variables = "[]")
    {
        var json = $$"""
            {"schemaVersion": 39, "templating": {"list": {{variables}}},
             "panels": [{"id": 4, "type": "timeseries", "title": "Panel", "datasource": {"type": "{{type}}", "uid": "telemetry-{{type}}"},
               "targets": [{"refId": "A", "expr": {{JsonSerializer.Serialize(expr)}}}]}]}
            """;
        return new DashboardLinter(Index).Lint(DashboardReader.Read("test.json", json)).Findings;
    }
}
