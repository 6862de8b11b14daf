using ScaniumBackend.Telemetry;

namespace ScaniumBackend;

/// <summary>
/// Creates the series whose label sets are all known at startup, so a dashboard shows 0 rather than "No data"
/// before the first scan: a counter that has not counted yet is honestly 0.
/// </summary>
public static class TelemetryInitializer
{
    /// <summary>Binds every closed label combination of the metrics that have only closed labels besides env.</summary>
    public static void Initialize(ScaniumBackendTelemetry telemetry, ScaniumSettings settings)
    {
        telemetry.HttpRequestsInFlight.Bind(ScaniumBackendTelemetry.ServiceName.ScaniumBackend, settings.Env);
        telemetry.ClassificationQueueDepth.Set(0, settings.Env);
        foreach (var category in Enum.GetValues<ScaniumBackendTelemetry.Category>())
        {
            foreach (var outcome in Enum.GetValues<ScaniumBackendTelemetry.Outcome>())
            {
                telemetry.ItemsScannedTotal.Bind(settings.Env, category, outcome);
            }
        }
    }
}
