using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Checks.Http;

/// <summary>
/// Turns an exchange that did not succeed into the finding that names its cause: the incident reports spent hours
/// telling "does not resolve" from "refused" from "401"; each gets its own rule and its own next action.
/// </summary>
public static class ExchangeFindings
{
    /// <summary>The finding for a failed exchange, or null when it succeeded (2xx, complete body).</summary>
    /// <param name="exchange">The request and its answer.</param>
    /// <param name="credentialSource">How a user supplies the credential for this backend (e.g. "--metrics-token-env NAME or TC_METRICS_TOKEN"), named in the 401 hint.</param>
    public static Finding? From(HttpExchange exchange, string credentialSource)
    {
        if (exchange.IsSuccess)
        {
            return null;
        }

        var ep = exchange.Endpoint;
        var where = FindingLocation.AtUrl(exchange.Url.AbsoluteUri);
        var name = ep.DisplayName;
        var url = exchange.Url.GetLeftPart(UriPartial.Authority);
        Finding finding = exchange.Failure switch
        {
            ExchangeFailure.NameNotResolved => RuleCatalog.HostDoesNotResolve.At(where, name, url, exchange.Url.Host),
            ExchangeFailure.ConnectionRefused => RuleCatalog.ConnectionRefused.At(where, name, url, exchange.Url.Port, ep.Kind == BackendKind.MetricsEndpoint
                ? "Start the service, or correct the port: the contract's scrape.port, the service's listen port and the URL must agree."
                : $"Start {name}, or correct the URL's port; nothing downstream of it can be checked while it is down."),
            ExchangeFailure.Timeout => RuleCatalog.RequestTimedOut.At(where, name, exchange.Url.AbsoluteUri, exchange.FailureDetail is { } d && d.StartsWith("the body", StringComparison.Ordinal) ? "the timeout (the body never completed)" : "the timeout"),
            ExchangeFailure.Tls => RuleCatalog.TlsFailure.At(where, name, url, exchange.FailureDetail ?? "handshake failed"),
            ExchangeFailure.NotHttp => RuleCatalog.UnusableAnswer.At(where, name, url, "the answer is not HTTP (wrong port or protocol?)"),
            ExchangeFailure.TooLarge => RuleCatalog.UnusableAnswer.At(where, name, url, exchange.FailureDetail ?? "the answer is too large"),
            ExchangeFailure.Network => RuleCatalog.UnusableAnswer.At(where, name, url, "the connection failed: " + (exchange.FailureDetail ?? "network error")),
            _ => StatusFinding(exchange, where, name, url, credentialSource),
        };

        return finding.WithEvidence(exchange.Describe());
    }

    private static Finding StatusFinding(HttpExchange exchange, FindingLocation where, string name, string url, string credentialSource)
    {
        var status = exchange.StatusCode ?? 0;
        if (status is 401 or 403)
        {
            string hint;
            if (status == 403)
            {
                hint = "The credential was accepted but has no permission here (Grafana: the service account's role; Mimir/Loki: the tenant).";
            }
            else if (exchange.SentCredentials)
            {
                hint = $"The credential sent was rejected: use the one the server expects ({credentialSource}).";
            }
            else
            {
                hint = $"The server requires authentication and none was sent: supply it with {credentialSource}"
                       + (exchange.Endpoint.Kind == BackendKind.MetricsEndpoint ? "; Prometheus' scrape config needs the same (authorization.credentials_file)." : ".");
            }

            return RuleCatalog.Unauthorized.At(where, name, url, status, exchange.ReasonPhrase + (exchange.SentCredentials ? " with the credential sent" : " (no credential sent)"), hint);
        }

        if (status == 404)
        {
            return RuleCatalog.PathNotFound.At(where, name, exchange.Url.AbsoluteUri);
        }

        return RuleCatalog.UnexpectedStatus.At(where, name, url, status, exchange.ReasonPhrase);
    }
}
