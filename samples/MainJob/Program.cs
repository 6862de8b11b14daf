using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using TelemetryContracts.Checks;
using TelemetryContracts.Clients;
using TelemetryContracts.Contracts;
using TelemetryContracts.Diagnostics;
using TelemetryContracts.Generation;
using TelemetryContracts.Generation.Dashboards;
using TelemetryContracts.MainJob;
using TelemetryContracts.Reporting;

// The main job: everything the project does, on one real service, in one command.
var options = MainJobOptions.Parse(args);
if (options is null)
{
    return 2;
}

using var cts = new CancellationTokenSource();
var children = new List<ChildProcess>();
void StopAll()
{
    lock (children)
    {
        foreach (var c in children.AsEnumerable().Reverse())
        {
            c.Dispose();
        }

        children.Clear();
    }
}

// Ctrl-C and SIGTERM stop the service and Prometheus before the process ends.
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    Console.Error.WriteLine("\ninterrupted: stopping the service and Prometheus…");
    cts.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();

var progress = new Progress(9);
try
{
    return await RunAsync();
}
catch (OperationCanceledException) when (cts.IsCancellationRequested)
{
    return 130;
}
finally
{
    StopAll();
}

async Task<int> RunAsync()
{
    var ct = cts.Token;
    var root = options.RepoRoot;
    var outDir = options.OutputDirectory;
    if (Directory.Exists(outDir))
    {
        Directory.Delete(outDir, recursive: true);
    }

    Directory.CreateDirectory(outDir);

    // 1. Every contract must validate; the sample's is the one checked live.
    progress.Step("Validating the contracts in contracts/");
    var loaded = ContractLoader.ExpandPaths(new[] { Path.Combine(root, "contracts") }).Select(f => ContractLoader.LoadFile(f)).ToList();
    foreach (var f in loaded.SelectMany(r => r.Findings))
    {
        Console.WriteLine("    " + f.ToString().Replace(root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal));
    }

    if (loaded.Any(r => r.HasErrors))
    {
        Console.Error.WriteLine("error: a contract has errors; nothing else runs on a broken contract.");
        return 1;
    }

    progress.Done($"{loaded.Count} contracts, {loaded.Sum(r => r.Findings.Count)} warning(s)");
    var contract = loaded.Single(r => r.Contract.Service == "scanium-backend").Contract;
    var contractFile = Path.GetRelativePath(root, contract.FilePath);

    // 2. Generate dashboards, provisioning, scrape config, rules and collector configs for every contract.
    progress.Step("Generating dashboards and configs");
    var generation = new GenerationOptions();
    var telemetryDir = Path.Combine(outDir, "telemetry");
    var written = TelemetryArtifactsGenerator.Write(loaded.Select(r => r.Contract).ToList(), generation, telemetryDir);
    progress.Done($"{written.Written.Count} files in {Path.GetRelativePath(root, telemetryDir)}/");

    // 3. The sample service on 127.0.0.1 with a bearer-protected /metrics.
    progress.Step("Starting the sample service (samples/ScaniumBackend)");
    var servicePort = FreePort();
    var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
    var serviceEnv = new Dictionary<string, string>
    {
        ["SCANIUM_METRICS_TOKEN"] = token,
        ["Scanium__Env"] = "dev",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_NOLOGO"] = "1",
    };
    if (options.Break == BreakScenario.MissingMetric)
    {
        serviceEnv["Scanium__OmitMetrics"] = "items_scanned_total";
    }

    if (options.Break == BreakScenario.RenamedLabel)
    {
        serviceEnv["Scanium__RenameLabel"] = "service_name:app";
    }

    var serviceLog = Path.Combine(outDir, "service.log");
    var service = ChildProcess.Start("scanium-backend", "dotnet", new[] { options.SampleDll, "--urls", $"http://127.0.0.1:{servicePort}" }, serviceLog, serviceEnv);
    lock (children)
    {
        children.Add(service);
    }

    var serviceUrl = new Uri($"http://127.0.0.1:{servicePort}");
    if (!await WaitHttpAsync(new Uri(serviceUrl, "/health"), TimeSpan.FromSeconds(60), ct))
    {
        Console.Error.WriteLine($"error: the sample service did not answer /health within 60 s; see {serviceLog}");
        return 1;
    }

    progress.Done($"{serviceUrl} (log: {Path.GetRelativePath(root, serviceLog)})");

    // 4. Real Prometheus with the generated scrape config, pointed at where the service runs here.
    progress.Step("Starting Prometheus with the generated scrape config");
    var prometheusBinary = Which("prometheus");
    if (prometheusBinary is null)
    {
        Console.Error.WriteLine("error: prometheus is not installed (run scripts/ensure-deps.sh, or ./run.sh which does)");
        return 2;
    }

    var secrets = Path.Combine(outDir, "secrets");
    Directory.CreateDirectory(secrets);
    var tokenFile = Path.Combine(secrets, contract.Job + ".token");
    await File.WriteAllTextAsync(tokenFile, token, ct);
    if (!OperatingSystem.IsWindows())
    {
        File.SetUnixFileMode(tokenFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    var deployed = LocalDeployment(contract, servicePort, options.Break);
    var localOptions = generation with { ScrapeInterval = "2s", EvaluationInterval = "5s", PrometheusSecretsDirectory = secrets };
    var prometheusDir = Path.Combine(outDir, "prometheus-run");
    TelemetryArtifactsGenerator.Write(new[] { deployed }, localOptions, prometheusDir);
    var prometheusConfig = Path.Combine(prometheusDir, localOptions.Layout.PrometheusConfigFile);
    var prometheusPort = FreePort();
    var prometheus = ChildProcess.Start("prometheus", prometheusBinary, new[]
    {
        "--config.file=" + prometheusConfig, "--storage.tsdb.path=" + Path.Combine(prometheusDir, "data"),
        $"--web.listen-address=127.0.0.1:{prometheusPort}", "--storage.tsdb.retention.time=1h", "--log.level=warn",
    }, Path.Combine(outDir, "prometheus.log"));
    lock (children)
    {
        children.Add(prometheus);
    }

    var prometheusUrl = new Uri($"http://127.0.0.1:{prometheusPort}");
    if (!await WaitHttpAsync(new Uri(prometheusUrl, "/-/ready"), TimeSpan.FromSeconds(60), ct))
    {
        Console.Error.WriteLine("error: Prometheus did not become ready within 60 s; see " + Path.Combine(outDir, "prometheus.log"));
        return 1;
    }

    progress.Done($"{prometheusUrl} scraping {DescribeTarget(deployed)} every 2s" + (options.Break == BreakScenario.None ? "" : $"  [--break {options.BreakName}]"));

    // 5. Traffic: reads, scans, 404s, 400s, 500s and slow requests, while Prometheus scrapes.
    progress.Step($"Driving traffic for {options.Duration.TotalSeconds:0} s");
    var start = DateTimeOffset.UtcNow;
    var trafficTask = TrafficDriver.RunAsync(serviceUrl, options.Duration, workers: 4, ct);
    while (!trafficTask.IsCompleted)
    {
        await Task.WhenAny(trafficTask, Task.Delay(5000, ct));
        Console.Write('.');
    }

    var requests = await trafficTask;
    await Task.Delay(TimeSpan.FromSeconds(5), ct); // two more scrapes after the last request
    var end = DateTimeOffset.UtcNow;
    progress.Done($"{requests} requests");

    // 6. The doctor walks service → /metrics → scrape → TSDB (→ Loki → Grafana when given).
    progress.Step("Running the doctor");
    var settings = new CheckSettings
    {
        MetricsUrl = new Uri(serviceUrl, contract.Scrape?.Path ?? "/metrics"),
        MetricsToken = token,
        PrometheusUrl = prometheusUrl,
        LokiUrl = options.LokiUrl,
        GrafanaUrl = options.GrafanaUrl,
        DashboardPaths = Directory.EnumerateFiles(Path.Combine(telemetryDir, generation.Layout.DashboardsFolder), "*.json").ToList(),
        RequestTimeout = TimeSpan.FromSeconds(5),
        RunTimeout = TimeSpan.FromSeconds(90),
        Lookback = TimeSpan.FromMinutes(10),
    };
    var doctor = await Doctor.RunAsync(contract, settings, cancellationToken: ct);
    progress.Done(doctor.Summary);

    // 7. Every generated panel and variable query against the live Prometheus.
    progress.Step("Probing every generated panel query and the metrics' series");
    using var prometheusClient = new PrometheusClient(new BackendOptions { BaseUrl = prometheusUrl, Timeout = TimeSpan.FromSeconds(10) });
    var dashboard = DashboardEmitter.Build(contract, generation);
    var panels = await PanelProbe.RunAsync(dashboard, prometheusClient, TimeSpan.FromSeconds(2), ct);
    var metrics = await MetricProbe.RunAsync(contract, prometheusClient, start, end, ct);
    progress.Done($"{panels.Count(p => p.Status == StageStatus.Ok)}/{panels.Count(p => p.Datasource == "prometheus")} Prometheus queries return data");

    // 8. Reports.
    progress.Step("Writing the reports");
    var logs = LogLineSummary.FromFile(serviceLog, contract, "dev");
    var artifacts = Directory.EnumerateFiles(telemetryDir, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(outDir, f).Replace('\\', '/')).OrderBy(f => f, StringComparer.Ordinal).ToList();
    var report = ReportBuilder.Build(contract, contractFile, doctor, $"{contract.Service} on {serviceUrl.Authority}", metrics, panels, logs, artifacts);
    var html = Path.Combine(outDir, "report.html");
    var json = Path.Combine(outDir, "report.json");
    await File.WriteAllTextAsync(html, Redact(HtmlReportWriter.Render(report), token), ct);
    await File.WriteAllTextAsync(json, Redact(JsonReportWriter.Render(report), token), ct);
    progress.Done("report.html, report.json");

    // 9. The one-screen summary.
    progress.Step("Summary");
    Console.WriteLine();
    Console.WriteLine(report.Holds ? $"  ✔ The {contract.Service} contract holds." : $"  ✘ The {contract.Service} contract is broken.");
    if (report.FirstBrokenLink is { } broken)
    {
        Console.WriteLine("    First broken link: " + Redact(broken, token));
        if (report.Findings.FirstOrDefault(f => f.Severity == Severity.Error) is { } first)
        {
            Console.WriteLine("    Hint: " + first.Hint);
        }
    }

    Console.WriteLine();
    foreach (var s in report.MetricsPipeline.Concat(report.LogsPipeline))
    {
        Console.WriteLine($"    {Mark(s.Status)} {s.Name,-14} {Redact(s.Summary, token)}");
    }

    Console.WriteLine();
    Console.WriteLine($"    metrics with series: {report.Metrics.Count(m => m.Status == StageStatus.Ok)}/{report.Metrics.Count}; " +
                      $"panel queries with data: {report.Panels.Count(p => p.Status == StageStatus.Ok)}/{report.Panels.Count(p => p.Datasource == "prometheus")}; " +
                      $"findings: {report.Findings.Count(f => f.Severity == Severity.Error)} error(s), {report.Findings.Count(f => f.Severity == Severity.Warning)} warning(s)");
    Console.WriteLine();
    Console.WriteLine("  Where everything is:");
    Console.WriteLine($"    HTML report        {Path.GetRelativePath(root, html)}");
    Console.WriteLine($"    JSON report        {Path.GetRelativePath(root, json)}");
    Console.WriteLine($"    dashboards         {Path.GetRelativePath(root, Path.Combine(telemetryDir, generation.Layout.DashboardsFolder))}/");
    Console.WriteLine($"    Prometheus config  {Path.GetRelativePath(root, Path.Combine(telemetryDir, generation.Layout.PrometheusConfigFile))} (+ rules/)");
    Console.WriteLine($"    Alloy / Promtail   {Path.GetRelativePath(root, Path.Combine(telemetryDir, generation.Layout.AlloyFolder))}/, {Path.GetRelativePath(root, Path.Combine(telemetryDir, generation.Layout.PromtailFolder))}/");
    Console.WriteLine($"    service log        {Path.GetRelativePath(root, serviceLog)}");
    return report.Holds ? 0 : 1;
}

static TelemetryContract LocalDeployment(TelemetryContract contract, int servicePort, BreakScenario scenario)
{
    // The contract says where the service runs in its Compose network (scanium-backend:8080, every 15s); here
    // it runs on 127.0.0.1 and a free port, and a short run needs frequent scrapes, so the deployment view
    // overrides host, port and interval, nothing else.
    var scrape = contract.Scrape! with { Host = "127.0.0.1", Port = servicePort, Interval = "2s" };
    scrape = scenario switch
    {
        BreakScenario.WrongPort => scrape with { Port = FreePort() },
        BreakScenario.NoToken => scrape with { Auth = ScrapeAuth.None },
        BreakScenario.UnresolvableHost => scrape with { Host = contract.Scrape!.Host ?? contract.Service },
        _ => scrape,
    };
    return contract with { Scrape = scrape };
}

static string DescribeTarget(TelemetryContract c) => $"{c.Scrape!.Scheme}://{c.Scrape.Host}:{c.Scrape.Port}{c.Scrape.Path}";

static string Mark(StageStatus s) => s switch
{
    StageStatus.Ok => "✔",
    StageStatus.Warning => "!",
    StageStatus.Failed => "✘",
    _ => "–",
};

static string Redact(string text, string secret) => text.Replace(secret, "[REDACTED]", StringComparison.Ordinal);

static int FreePort()
{
    using var l = new TcpListener(IPAddress.Loopback, 0);
    l.Start();
    return ((IPEndPoint)l.LocalEndpoint).Port;
}

static string? Which(string binary) =>
    (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Concat(new[] { "/usr/bin", "/usr/sbin" })
    .Where(d => d.Length > 0).Select(d => Path.Combine(d, binary)).FirstOrDefault(File.Exists);

static async Task<bool> WaitHttpAsync(Uri url, TimeSpan timeout, CancellationToken ct)
{
    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
    var sw = Stopwatch.StartNew();
    while (sw.Elapsed < timeout)
    {
        try
        {
            using var r = await http.GetAsync(url, ct);
            if (r.IsSuccessStatusCode)
            {
                return true;
            }
        }
        catch (HttpRequestException)
        {
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
        }

        await Task.Delay(250, ct);
    }

    return false;
}
