namespace TelemetryContracts.Reporting.Tests;

/// <summary>The HTML page is self-contained, escapes everything it shows, and marks every box and row for tools.</summary>
public sealed class HtmlReportWriterTests
{
    [Fact]
    public void Page_IsSelfContained()
    {
        var html = HtmlReportWriter.Render(SampleReports.Holding());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", html);
        Assert.DoesNotContain("<link", html);
        Assert.Contains("<style>", html);
    }

    [Fact]
    public void UserText_IsEscaped()
    {
        var html = HtmlReportWriter.Render(SampleReports.WrongPort());
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public void BrokenPipeline_NamesTheFirstBrokenLink()
    {
        var html = HtmlReportWriter.Render(SampleReports.WrongPort());
        Assert.Contains("data-holds=\"false\"", html);
        Assert.Contains("id=\"first-broken-link\"", html);
        Assert.Contains("data-stage=\"scrape\" data-status=\"failed\"", html);
    }

    [Fact]
    public void Sparkline_ScalesToTheBox()
    {
        var svg = HtmlReportWriter.Sparkline(new[] { 0.0, 10, 5 });
        Assert.Contains("points=\"1,22 60,2 119,12\"", svg);
        Assert.Contains("aria-label=\"no samples\"", HtmlReportWriter.Sparkline(new[] { double.NaN }));
    }

    [Fact]
    public void Json_CarriesTheSameVerdict()
    {
        var json = System.Text.Json.JsonDocument.Parse(JsonReportWriter.Render(SampleReports.WrongPort()));
        Assert.False(json.RootElement.GetProperty("holds").GetBoolean());
        Assert.Equal("Failed", json.RootElement.GetProperty("metricsPipeline")[2].GetProperty("status").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("metrics").GetArrayLength());
    }
}
