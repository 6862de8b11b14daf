namespace TelemetryContracts.Clients;

/// <summary>
/// A backend's own error, parsed from its body: Prometheus' <c>errorType</c>/<c>error</c> JSON, Grafana's
/// <c>message</c>, or one of Loki's plain-text messages (with the LogQL line and column for parse errors).
/// </summary>
/// <param name="Type">The error type: Prometheus' <c>errorType</c> (<c>bad_data</c>, <c>execution</c>, …) or ours for Loki (<c>parse_error</c>, <c>bad_parameter</c>, <c>bad_push</c>, <c>too_old</c>, <c>not_ready</c>, <c>not_found</c>) and Grafana (<c>unauthorized</c>, <c>not_found</c>, …).</param>
/// <param name="Message">The backend's message.</param>
/// <param name="Line">For query parse errors: the 1-based line in the query.</param>
/// <param name="Column">For query parse errors: the 1-based column in the query.</param>
public sealed record ApiError(string Type, string Message, int? Line = null, int? Column = null);
