namespace TelemetryContracts.Checks.Http;

/// <summary>Why a request got no usable HTTP answer. Each maps to its own rule, because each has its own fix.</summary>
public enum ExchangeFailure
{
    /// <summary>An HTTP answer arrived (any status).</summary>
    None,
    /// <summary>The host name does not resolve (different Docker network, typo, missing DNS record).</summary>
    NameNotResolved,
    /// <summary>Nothing listens on the port.</summary>
    ConnectionRefused,
    /// <summary>No (complete) answer within the request timeout.</summary>
    Timeout,
    /// <summary>TLS handshake or certificate failure.</summary>
    Tls,
    /// <summary>The peer answered something that is not HTTP.</summary>
    NotHttp,
    /// <summary>The body exceeded the configured maximum.</summary>
    TooLarge,
    /// <summary>Any other network failure (reset, unreachable network).</summary>
    Network,
}
