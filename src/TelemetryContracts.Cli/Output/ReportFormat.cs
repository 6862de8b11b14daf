namespace TelemetryContracts.Cli.Output;

/// <summary>The formats of the <c>check</c>/<c>doctor</c> report (<c>--format</c>): people, scripts, code scanning, CI test reports, pull-request comments.</summary>
public enum ReportFormat
{
    /// <summary>Plain words: the first broken link, its evidence, then everything checked.</summary>
    Text,
    /// <summary>A versioned JSON document.</summary>
    Json,
    /// <summary>SARIF 2.1.0 (GitHub code scanning, Azure DevOps).</summary>
    Sarif,
    /// <summary>JUnit XML: one test case per check.</summary>
    Junit,
    /// <summary>Markdown for a pull-request comment or a job summary.</summary>
    Markdown,
}
