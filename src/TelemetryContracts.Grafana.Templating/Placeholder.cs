namespace TelemetryContracts.Grafana.Templating;

internal static class Placeholder;
