namespace TelemetryContracts.Clients;

/// <summary>Why a call to a backend failed, classified so a check can say which link of the pipeline is broken.</summary>
public enum ClientFailureKind
{
    /// <summary>The host name does not resolve (the scrape target on another Docker network, a typo).</summary>
    DnsResolution,

    /// <summary>Nothing listens on the port (service down, wrong port).</summary>
    ConnectionRefused,

    /// <summary>No complete answer within the call's timeout.</summary>
    Timeout,

    /// <summary>The TLS handshake failed (certificate, protocol, plain HTTP on an HTTPS port).</summary>
    Tls,

    /// <summary>Another network failure (connection reset, unreachable network).</summary>
    Network,

    /// <summary>The server answered with a non-success HTTP status; see the status code, body excerpt and API error.</summary>
    HttpStatus,

    /// <summary>The server answered 2xx but its body reports an API error (<c>"status":"error"</c>).</summary>
    ApiError,

    /// <summary>The answer is not HTTP, or not the JSON/format the API documents.</summary>
    MalformedResponse,

    /// <summary>The answer is larger than the configured maximum; reading stopped there.</summary>
    ResponseTooLarge,
}
