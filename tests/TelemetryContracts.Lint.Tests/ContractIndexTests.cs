using TelemetryContracts.Contracts.Loading;
using TelemetryContracts.Lint.Index;

namespace TelemetryContracts.Lint.Tests;

public class ContractIndexTests
{
    [Theory]
    [InlineData("scanium_http_requests_total", "scanium_http_request_total")]
    [InlineData("container_memory_usage_bytes", "container_memory_usage_byets")]
    [InlineData("up", "UP")]
    [InlineData("abc", "xyz")]
    [InlineData("", "abc")]
    public void BoundedDistance_AgreesWithDidYouMeanWithinTheBound(string a, string b)
    {
        var exact = DidYouMean.Distance(a.ToLowerInvariant(), b.ToLowerInvariant());

        Assert.Equal(Math.Min(exact, 4), ContractIndex.BoundedDistance(a, b, 3));
    }

    [Fact]
    public void Closest_PicksTheSameNameAsDidYouMean()
    {
        var names = ScaniumContracts.Index.SeriesNames.ToList();

        foreach (var probe in new[] { "scanium_http_request_total", "scanium_items_scaned_total", "scanium_classification_queue_depht", "node_load1" })
        {
            Assert.Equal(DidYouMean.Best(probe, names), ContractIndex.Closest(probe, names));
        }
    }
}
