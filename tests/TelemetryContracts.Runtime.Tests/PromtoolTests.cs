using System.Diagnostics;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Runtime.Tests;

public sealed class PromtoolTests
{
    [SkippableFact]
    public async Task PromtoolCheckMetrics_AcceptsRegistryWithEveryMetricType()
    {
        var promtool = PrometheusServer.Promtool;
        Skip.If(promtool is null, "promtool is not installed and apt-get could not install it");
        using var registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null });
        var requests = registry.CreateCounter("http_requests_total", "Requests served, by route and status.", labelNames: ["route", "status"]);
        requests.WithLabels("/api/items", LabelValues.Int32(200)).Add(3);
        requests.WithLabels("/say \"hi\"\\\n", LabelValues.Int32(500)).Inc();
        registry.CreateDoubleCounter("process_cpu_seconds_total", "CPU time used, \"quoted\" \\ and\nmultiline.", "seconds").Add(1.5);
        registry.CreateGauge("queue_depth", "Items waiting.", labelNames: ["queue"]).WithLabels("orders").Set(7);
        registry.CreateUpDownCounter("http_requests_in_flight", "Requests being served.").Add(2);
        registry.CreateHistogram("http_request_duration_seconds", "Request duration.", "seconds", ["route"], [0.1, 0.5, 1]).WithLabels("/api/items").Observe(0.3);
        registry.CreateCallbackGauge("process_open_handles", "Open handles.", "", () => 12);
        // Trigger the overflow self-metric too, so its naming is checked.
        var capped = registry.CreateGauge("capped_items", "Capped.", labelNames: ["id"], seriesLimit: 1);
        capped.WithLabels("a").Set(1);
        capped.WithLabels("b").Set(2);

        var text = registry.ToExpositionString(ExpositionFormat.PrometheusText);
        var psi = new ProcessStartInfo(promtool!, "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        await process.StandardInput.WriteAsync(text);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var report = (await stdout) + (await stderr);
        Assert.True(process.ExitCode == 0, $"promtool exit {process.ExitCode}: {report}\n{text}");
        Assert.Equal(string.Empty, report.Trim());
    }
}
