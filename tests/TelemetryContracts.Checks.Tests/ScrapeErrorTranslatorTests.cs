namespace TelemetryContracts.Checks.Tests;

/// <summary>lastError strings as Prometheus 2.42 writes them (seen in the incident scenarios and its targets page).</summary>
public sealed class ScrapeErrorTranslatorTests
{
    [Theory]
    [InlineData("Get \"http://scanium-backend:8080/metrics\": dial tcp: lookup scanium-backend on 127.0.0.11:53: no such host", "cannot resolve 'scanium-backend'", "different networks")]
    [InlineData("Get \"http://scanium-backend:8080/metrics\": dial tcp: lookup scanium-backend on 127.0.0.53:53: server misbehaving", "cannot resolve", "different networks")]
    [InlineData("Get \"http://127.0.0.1:4000/metrics\": dial tcp 127.0.0.1:4000: connect: connection refused", "nothing listens on 127.0.0.1:4000", "contract says port 3001")]
    [InlineData("server returned HTTP status 401 Unauthorized", "demands a token", "credentials_file")]
    [InlineData("server returned HTTP status 403 Forbidden", "refuses the scraper's credential", "token")]
    [InlineData("server returned HTTP status 404 Not Found", "scrape path does not exist", "metrics_path")]
    [InlineData("Get \"http://10.0.0.5:8080/metrics\": context deadline exceeded", "did not answer within the scrape timeout", "scrape_timeout")]
    [InlineData("Get \"https://10.0.0.5:8080/metrics\": x509: certificate signed by unknown authority", "TLS failed", "tls_config")]
    [InlineData("expected label name, got \"INVALID\"", "rejects what the service serves", "parse error")]
    public void LastError_BecomesTheCauseAndTheFix(string lastError, string cause, string hint)
    {
        var url = lastError.Contains("127.0.0.1:4000", StringComparison.Ordinal) ? "http://127.0.0.1:4000/metrics" : "http://scanium-backend:8080/metrics";
        var (c, h) = ScrapeErrorTranslator.Translate(lastError, url, 3001);
        Assert.Contains(cause, c);
        Assert.Contains(hint, h);
        Assert.Contains(lastError, c);
    }
}
