namespace TelemetryContracts.Clients;

/// <summary><c>/api/v1/status/buildinfo</c>. VictoriaMetrics answers an empty object, so every field may be null.</summary>
/// <param name="Version">The version, e.g. <c>2.42.0</c>.</param>
/// <param name="Revision">The VCS revision.</param>
/// <param name="Branch">The branch.</param>
/// <param name="BuildUser">Who built it.</param>
/// <param name="BuildDate">When.</param>
/// <param name="GoVersion">The Go version.</param>
public sealed record BuildInfo(string? Version, string? Revision, string? Branch, string? BuildUser, string? BuildDate, string? GoVersion);
