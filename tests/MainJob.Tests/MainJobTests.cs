using System.Diagnostics;
using System.Text.Json;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using TelemetryContracts.TestSupport;

namespace MainJob.Tests;

/// <summary>
/// The README's first command, run for real: the sample service, real Prometheus, the doctor and the
/// panel probes. A clean run must hold; an injected incident must produce a red report naming the cause.
/// </summary>
public sealed class MainJobTests
{
    [Fact]
    public void CleanRun_ReportsTheSampleContractAsHolding_AndEveryGeneratedPanelHasData()
    {
        Assert.NotNull(DebianPackages.Ensure("prometheus", "prometheus"));
        var (exit, stdout, outDir) = Run("clean");
        Assert.True(exit == 0, stdout);
        Assert.Contains("The scanium-backend contract holds.", stdout);

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")));
        var root = report.RootElement;
        Assert.True(root.GetProperty("holds").GetBoolean());
        Assert.All(root.GetProperty("metrics").EnumerateArray(), m => Assert.True(m.GetProperty("series").GetInt32() > 0, m.GetProperty("name").GetString()));
        var prometheusPanels = root.GetProperty("panels").EnumerateArray().Where(p => p.GetProperty("datasource").GetString() == "prometheus").ToList();
        Assert.True(prometheusPanels.Count >= 15);
        var noData = prometheusPanels.Where(p => p.GetProperty("status").GetString() != "Ok").Select(p => p.GetProperty("panel").GetString() + ": " + p.GetProperty("query").GetString()).ToList();
        Assert.True(noData.Count == 0, "panels that would show No data:\n" + string.Join("\n", noData));
        Assert.True(File.Exists(Path.Combine(outDir, "telemetry", "grafana", "dashboards", "scanium-backend.json")));
        Assert.True(File.Exists(Path.Combine(outDir, "report.html")));

        // The token protecting /metrics never leaves the run.
        var token = File.ReadAllText(Path.Combine(outDir, "secrets", "scanium-backend.token"));
        foreach (var f in new[] { "report.json", "report.html" })
        {
            Assert.DoesNotContain(token, File.ReadAllText(Path.Combine(outDir, f)));
        }

        Assert.DoesNotContain(token, stdout);
        ScreenshotInChromium(Path.Combine(outDir, "report.html"), "main-job-report");
    }

    [Fact]
    public void BreakWrongPort_GivesARedReportNamingTheCause()
    {
        var (exit, stdout, outDir) = Run("wrong-port", "--break", "wrong-port");
        Assert.True(exit == 1, stdout);
        Assert.Contains("The scanium-backend contract is broken.", stdout);
        Assert.Contains("wrong port", stdout);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")));
        var scrape = report.RootElement.GetProperty("metricsPipeline").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "scrape");
        Assert.Equal("Failed", scrape.GetProperty("status").GetString());
        Assert.Contains("connection refused", report.RootElement.GetProperty("firstBrokenLink").GetString());
    }

    private static (int Exit, string StdOut, string OutDir) Run(string name, params string[] args)
    {
        var outDir = Path.Combine(RepoPaths.Root, "artifacts", "main-job-test-" + name);
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "main-job.dll"));
        foreach (var a in new[] { "--duration", "8", "--out", outDir }.Concat(args))
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(240_000))
        {
            p.Kill(true);
            throw new TimeoutException("main job did not finish in 240 s: " + stdout.Result);
        }

        return (p.ExitCode, stdout.Result + stderr.Result, outDir);
    }

    private static void ScreenshotInChromium(string html, string name)
    {
        var chromium = DebianPackages.Ensure("chromium", "chromium");
        var driverPath = DebianPackages.Ensure("chromedriver", "chromium-driver");
        Assert.NotNull(chromium);
        Assert.NotNull(driverPath);
        var options = new ChromeOptions { BinaryLocation = chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1400", "--user-data-dir=" + Directory.CreateTempSubdirectory("tc-chromium-").FullName);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driverPath)!, Path.GetFileName(driverPath));
        service.SuppressInitialDiagnosticInformation = true;
        using var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.Navigate().GoToUrl(new Uri(html).AbsoluteUri);
        Assert.Equal("true", driver.FindElement(By.TagName("header")).GetAttribute("data-holds"));
        Assert.Equal(6, driver.FindElements(By.CssSelector("#metrics-pipeline .box")).Count);
        Assert.Equal(5, driver.FindElements(By.CssSelector("tr.metric[data-status='ok']")).Count);
        Assert.True(driver.FindElements(By.CssSelector("tr.metric svg.spark polyline")).Count >= 4);
        var dir = Path.Combine(RepoPaths.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(dir);
        ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(Path.Combine(dir, name + ".png"));
    }
}
