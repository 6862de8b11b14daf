namespace TelemetryContracts.Dashboards.Model;

/// <summary>A panel's position on the 24-column grid (schema 16+); legacy panels have none.</summary>
public sealed record GridPos(int X, int Y, int W, int H);
