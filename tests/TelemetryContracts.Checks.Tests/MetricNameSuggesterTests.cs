namespace TelemetryContracts.Checks.Tests;

public sealed class MetricNameSuggesterTests
{
    [Theory]
    [InlineData("container_memory_working_set_bytes", "container_memory_usage_bytes", "Kubernetes")]
    [InlineData("container_memory_usage_bytes", "container_memory_working_set_bytes", "Kubernetes")]
    [InlineData("http.server.request.duration", "http_server_request_duration", "OpenTelemetry")]
    [InlineData("scanium_http_requests_total", "scanium_http_requests", "suffix")]
    [InlineData("scanium_http_request_duration_ms", "scanium_http_request_duration_seconds", "suffix")]
    [InlineData("scanium_items_scaned_total", "scanium_items_scanned_total", "character")]
    public void Suggests_TheNameThatMeansTheSame(string wanted, string expected, string why)
    {
        var candidates = new[] { "up", "process_cpu_seconds_total", "go_goroutines", expected };
        var s = MetricNameSuggester.Suggest(wanted, candidates);
        Assert.NotNull(s);
        Assert.Equal(expected, s!.Value.Name);
        Assert.Contains(why, s.Value.Why);
    }

    [Fact]
    public void SuggestsNothing_WhenNothingIsClose()
    {
        Assert.Null(MetricNameSuggester.Suggest("scanium_items_scanned_total", new[] { "up", "go_goroutines", "node_cpu_seconds_total" }));
        Assert.Null(MetricNameSuggester.Suggest("x", Array.Empty<string>()));
    }
}
