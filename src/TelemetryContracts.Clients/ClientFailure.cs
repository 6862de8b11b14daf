namespace TelemetryContracts.Clients;

/// <summary>A classified failure of one call. Never carries credentials: URLs lose their user info and body excerpts are redacted.</summary>
/// <param name="Kind">The classification.</param>
/// <param name="Message">One sentence saying what happened and where.</param>
/// <param name="Url">The request URL (without user info).</param>
/// <param name="StatusCode">The HTTP status, when there was an answer.</param>
/// <param name="BodyExcerpt">The start of the answer's body (at most 512 characters), when there was one.</param>
/// <param name="Api">The backend's own error, when its body could be parsed.</param>
public sealed record ClientFailure(ClientFailureKind Kind, string Message, string Url, int? StatusCode = null, string? BodyExcerpt = null, ApiError? Api = null)
{
    /// <inheritdoc />
    public override string ToString() => $"{Kind}: {Message}";
}
