using TelemetryContracts.Checks.Http;

namespace TelemetryContracts.Checks.Clients;

/// <summary>
/// A typed answer of a backend API, or why there is none: a transport/status failure (see <see cref="Exchange"/>),
/// a body that is not the documented shape, or an API-level error (<c>"status":"error"</c>).
/// </summary>
public sealed record ApiResponse<T>(HttpExchange Exchange, T? Data, string? Error = null, string? ErrorType = null)
    where T : class
{
    /// <summary>True when <see cref="Data"/> is usable.</summary>
    public bool Ok => Data is not null && Error is null && Exchange.IsSuccess;
}
