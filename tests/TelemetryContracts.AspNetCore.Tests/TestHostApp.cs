using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TelemetryContracts.AspNetCore;
using TelemetryContracts.Runtime;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.AspNetCore.Tests;

/// <summary>
/// A real ASP.NET Core app on 127.0.0.1 using the runtime the way a service does: a few metrics of each type with
/// labels, updated by its endpoints, ASP.NET Core's own meter bridged, and /metrics protected by a bearer token.
/// </summary>
internal sealed class TestHostApp : IAsyncDisposable
{
    public const string Token = "test-scrape-token-7f3a";

    public static readonly IReadOnlyDictionary<string, string[]> Declared = new Dictionary<string, string[]>
    {
        ["shop_orders_created_total"] = ["region", "channel"],
        ["shop_revenue_euros_total"] = ["region"],
        ["shop_queue_depth"] = ["queue"],
        ["shop_checkouts_in_flight"] = ["region"],
        ["shop_checkout_duration_seconds_bucket"] = ["region", "status", "le"],
        ["shop_build_info_ready"] = [],
    };

    private readonly WebApplication app;

    private TestHostApp(WebApplication app, int port)
    {
        this.app = app;
        Url = $"http://127.0.0.1:{port}";
    }

    public string Url { get; }

    public MetricRegistry Registry => app.Services.GetRequiredService<MetricRegistry>();

    public static async Task<TestHostApp> StartAsync(string? token = Token)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Services.AddTelemetryMetrics(o =>
        {
            o.MeterName = "TelemetryContracts.TestHost." + Guid.NewGuid().ToString("N");
            o.BridgedMeters.Add("Microsoft.AspNetCore.Hosting");
        });
        var app = builder.Build();
        var registry = app.Services.GetRequiredService<MetricRegistry>();
        var orders = registry.CreateCounter("shop_orders_created", "Orders created.", labelNames: ["region", "channel"]);
        var revenue = registry.CreateDoubleCounter("shop_revenue_euros", "Revenue.", "euros", ["region"]);
        var queue = registry.CreateGauge("shop_queue_depth", "Items waiting.", labelNames: ["queue"]);
        var inFlight = registry.CreateUpDownCounter("shop_checkouts_in_flight", "Checkouts running.", labelNames: ["region"]);
        var duration = registry.CreateHistogram("shop_checkout_duration_seconds", "Checkout duration.", "seconds", ["region", "status"], [0.01, 0.1, 1]);
        registry.CreateCallbackGauge("shop_build_info_ready", "1 when the app is ready.", "", () => 1);

        app.MapPost("/checkout/{region}", (string region) =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var flight = inFlight.WithLabels(region);
            flight.Inc();
            orders.WithLabels(region, "web").Inc();
            revenue.WithLabels(region).Add(19.99);
            queue.WithLabels("fulfilment").Inc();
            flight.Dec();
            duration.WithLabels(region, LabelValues.Int32(201)).ObserveElapsedSeconds(started);
            return Results.Created();
        });
        app.MapTelemetryMetrics("/metrics", o => o.Auth.BearerToken = token);
        await app.StartAsync();
        return new TestHostApp(app, port);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
