namespace TelemetryContracts.Diagnostics;

// TC4101–TC4119: live probes of generated dashboards (the main job and the anti-"No data" proof).
public static partial class RuleCatalog
{
    /// <summary>A generated panel's query returns no series against the live TSDB.</summary>
    public static Rule GeneratedPanelNoData { get; } = Define("TC4101", Severity.Error, "Generation", "Generated panel shows No data",
        "The generated panel '{0}' ({1}) would show \"No data\": its query returned no series.",
        "Follow the first broken link (scrape, metric missing, label renamed); a panel without data is the symptom, not the cause.");
}
