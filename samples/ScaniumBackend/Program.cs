using ScaniumBackend;
using ScaniumBackend.Telemetry;
using TelemetryContracts.AspNetCore;
using TelemetryContracts.Logging;
using TelemetryContracts.Runtime;

var builder = WebApplication.CreateBuilder(args);
var settings = ScaniumSettings.From(builder.Configuration);

// Structured JSON lines on stdout, what the log collector ships to Loki: the typed BackendLogger's entries exactly as
// the contract's backend stream declares them; framework lines in the same shape with the same stream labels, so every
// line the collector sees carries source and env. Request scopes are left out: the contract declares the fields.
builder.Logging.ClearProviders();
builder.Logging.AddTelemetryJsonConsole(o =>
{
    o.Shape = ScaniumBackendTelemetry.BackendLogger.Shape;
    o.StreamLabels["source"] = "scanium-backend";
    o.StreamLabels["env"] = ScaniumBackendTelemetry.WireValue(settings.Env);
    o.IncludeScopes = false;
});
builder.Logging.AddFilter("Microsoft", LogLevel.Warning);

builder.Services.AddSingleton(settings);
builder.Services.AddTelemetryMetrics();
builder.Services.AddScaniumBackendTelemetry(settings.Env);
builder.Services.AddSingleton<ClassificationQueue>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<ClassificationQueue>());

var app = builder.Build();
var telemetry = app.Services.GetRequiredService<ScaniumBackendTelemetry>();
TelemetryInitializer.Initialize(telemetry, settings);

app.UseMiddleware<RequestMetricsMiddleware>();

app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
app.MapGet("/api/items", () => Results.Ok(Catalog.Items));
app.MapGet("/api/items/{id:int}", (int id) =>
    Catalog.Items.FirstOrDefault(i => i.Id == id) is { } item ? Results.Ok(item) : Results.NotFound());
app.MapPost("/api/scans", (ScanRequest request, ClassificationQueue queue) =>
{
    if (string.IsNullOrWhiteSpace(request.Name))
    {
        queue.RecordRejected();
        return Results.BadRequest(new { error = "name is required" });
    }

    var scan = queue.Enqueue(request.Name);
    return Results.Accepted($"/api/scans/{scan.Id}", scan);
});
app.MapGet("/api/slow", async (int? ms, CancellationToken ct) =>
{
    await Task.Delay(ms ?? settings.SlowDelayMs, ct);
    return Results.Ok(new { delayed_ms = ms ?? settings.SlowDelayMs });
});
app.MapGet("/api/fail", IResult () => throw new InvalidOperationException("Simulated failure for /api/fail."));

var registry = app.Services.GetRequiredService<MetricRegistry>();
if (settings.HasIncident)
{
    ExpositionIncidentEndpoint.Map(app, registry, settings);
}
else
{
    app.MapTelemetryMetrics("/metrics", o => o.Auth.BearerToken = settings.MetricsToken);
}

app.Run();

/// <summary>The entry point, public so tests can host it with WebApplicationFactory-style tooling.</summary>
public partial class Program;
