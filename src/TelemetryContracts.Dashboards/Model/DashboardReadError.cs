using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Dashboards.Model;

/// <summary>A problem found while reading a dashboard: a JSON syntax error or an element of the wrong shape.</summary>
/// <param name="Message">What is wrong, one sentence.</param>
/// <param name="Position">Line and column in the dashboard file.</param>
/// <param name="Path">The JSON path of the element, e.g. <c>panels[3].targets</c>; empty for syntax errors.</param>
/// <param name="IsFatal">True when nothing of the dashboard could be read (syntax error, not an object).</param>
public sealed record DashboardReadError(string Message, SourcePosition Position, string Path, bool IsFatal);
