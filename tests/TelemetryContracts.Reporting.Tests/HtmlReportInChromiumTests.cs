using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Reporting.Tests;

/// <summary>
/// Loads the report in real headless Chromium (Debian's chromium and chromium-driver, installed when
/// missing), checks what a person sees, and keeps a screenshot under artifacts/screenshots/.
/// </summary>
public sealed class HtmlReportInChromiumTests
{
    [SkippableFact]
    public void HoldingReport_ShowsGreenBoxesAndOneRowPerMetricAndPanel()
    {
        using var driver = StartChromium();
        var page = Load(driver, SampleReports.Holding(), "report-holding");

        var boxes = page.FindElements(By.CssSelector("#metrics-pipeline .box"));
        Assert.Equal(new[] { "service", "metrics-endpoint", "scrape", "tsdb", "datasource", "panels" }, boxes.Select(b => b.GetAttribute("data-stage")));
        Assert.All(boxes.Take(4), b => Assert.Equal("ok", b.GetAttribute("data-status")));
        Assert.Equal("rgba(218, 251, 225, 1)", boxes[0].GetCssValue("background-color"));
        Assert.Equal(4, page.FindElements(By.CssSelector("#logs-pipeline .box")).Count);

        var rows = page.FindElements(By.CssSelector("tr.metric"));
        Assert.Equal(3, rows.Count);
        Assert.Equal("scanium_http_requests_total", rows[0].GetAttribute("data-metric"));
        Assert.Single(rows[0].FindElements(By.CssSelector("svg.spark polyline")));
        Assert.Equal(2, page.FindElements(By.CssSelector("tr.panel[data-status='ok']")).Count);
        Assert.Contains("The contract holds", page.FindElement(By.TagName("h1")).Text);
        Screenshot(driver, "report-holding");
    }

    [SkippableFact]
    public void BrokenReport_ShowsTheRedBoxAndTheCause()
    {
        using var driver = StartChromium();
        var page = Load(driver, SampleReports.WrongPort(), "report-wrong-port");

        var scrape = page.FindElement(By.CssSelector("[data-stage='scrape']"));
        Assert.Equal("failed", scrape.GetAttribute("data-status"));
        Assert.Equal("rgba(255, 235, 233, 1)", scrape.GetCssValue("background-color"));
        Assert.Contains("connection refused", page.FindElement(By.Id("first-broken-link")).Text);
        Assert.Equal(3, page.FindElements(By.CssSelector("tr.metric[data-status='failed']")).Count);
        Screenshot(driver, "report-wrong-port");
    }

    private static IWebDriver Load(IWebDriver driver, PipelineReport report, string name)
    {
        var dir = Path.Combine(RepoPaths.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, name + ".html");
        File.WriteAllText(file, HtmlReportWriter.Render(report));
        driver.Navigate().GoToUrl(new Uri(file).AbsoluteUri);
        return driver;
    }

    private static void Screenshot(IWebDriver driver, string name) =>
        ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(Path.Combine(RepoPaths.Root, "artifacts", "screenshots", name + ".png"));

    private static ChromeDriver StartChromium()
    {
        var chromium = DebianPackages.Ensure("chromium", "chromium");
        var chromedriver = DebianPackages.Ensure("chromedriver", "chromium-driver");
        Skip.If(chromium is null || chromedriver is null, "chromium/chromium-driver could not be installed");
        var options = new ChromeOptions { BinaryLocation = chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
            "--user-data-dir=" + Directory.CreateTempSubdirectory("tc-chromium-").FullName);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(chromedriver)!, Path.GetFileName(chromedriver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
