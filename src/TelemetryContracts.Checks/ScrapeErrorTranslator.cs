namespace TelemetryContracts.Checks;

/// <summary>
/// Translates a scraper's <c>lastError</c> into the cause and the fix, the step the incident reports did by reading
/// Prometheus' targets page: "no such host" means the scraper cannot resolve the service (different networks).
/// </summary>
public static class ScrapeErrorTranslator
{
    /// <summary>The cause (for the message) and the next action (for the hint).</summary>
    public static (string Cause, string Hint) Translate(string lastError, string scrapeUrl, int? contractPort)
    {
        var host = Uri.TryCreate(scrapeUrl, UriKind.Absolute, out var u) ? u.Host : scrapeUrl;
        var hostPort = u is null ? scrapeUrl : u.Authority;
        var e = lastError.ToLowerInvariant();
        if (e.Contains("no such host", StringComparison.Ordinal) || e.Contains("server misbehaving", StringComparison.Ordinal)
            || e.Contains("name resolution", StringComparison.Ordinal) || e.Contains("name or service not known", StringComparison.Ordinal))
        {
            return ($"the scraper cannot resolve '{host}' (\"{lastError}\")",
                $"Prometheus and the service are on different networks or the name is wrong: attach both to the same Docker network, or scrape the name that resolves from the scraper (Kubernetes: <service>.<namespace>.svc).");
        }

        if (e.Contains("connection refused", StringComparison.Ordinal))
        {
            var port = contractPort is > 0 ? $" (the contract says port {contractPort})" : "";
            return ($"nothing listens on {hostPort}: wrong port or the service is down (\"{lastError}\")",
                $"Compare the scrape target's port with the port the service listens on{port}, and check that the service runs.");
        }

        if (e.Contains("401", StringComparison.Ordinal) || e.Contains("unauthorized", StringComparison.Ordinal))
        {
            return ($"the service demands a token the scraper does not send or has wrong (\"{lastError}\")",
                "Give the job the service's token: authorization: { type: Bearer, credentials_file: /run/secrets/<token> } (the generated scrape config has it).");
        }

        if (e.Contains("403", StringComparison.Ordinal) || e.Contains("forbidden", StringComparison.Ordinal))
        {
            return ($"the service refuses the scraper's credential (\"{lastError}\")", "Use the token the service accepts for scraping.");
        }

        if (e.Contains("404", StringComparison.Ordinal))
        {
            return ($"the scrape path does not exist on {hostPort} (\"{lastError}\")", "Set metrics_path to the path the service serves (the contract's scrape.path).");
        }

        if (e.Contains("deadline exceeded", StringComparison.Ordinal) || e.Contains("timeout", StringComparison.Ordinal))
        {
            return ($"the service did not answer within the scrape timeout (\"{lastError}\")", "Check that the service is not hung, or raise scrape_timeout if the exposition is legitimately slow.");
        }

        if (e.Contains("x509", StringComparison.Ordinal) || e.Contains("tls", StringComparison.Ordinal))
        {
            return ($"TLS failed between the scraper and the service (\"{lastError}\")", "Match the scheme (http/https) and trust the service's certificate in tls_config.");
        }

        if (e.Contains("parse", StringComparison.Ordinal) || e.Contains("expected", StringComparison.Ordinal) || e.Contains("invalid", StringComparison.Ordinal))
        {
            return ($"the scraper rejects what the service serves (\"{lastError}\")", "Run the metrics endpoint checks: the exposition parse error names the line.");
        }

        return ($"\"{lastError}\"", "Read the error; the metrics endpoint checks show whether the service itself serves.");
    }
}
