using System.Diagnostics;
using ScaniumBackend.Telemetry;

namespace ScaniumBackend;

/// <summary>
/// Records every request through the generated API: the route template (never the raw path, which would explode
/// the series count), the method, the status code and the duration, plus one structured log line per request.
/// </summary>
public sealed class RequestMetricsMiddleware
{
    private const ScaniumBackendTelemetry.ServiceName Service = ScaniumBackendTelemetry.ServiceName.ScaniumBackend;
    private readonly RequestDelegate next;
    private readonly ScaniumBackendTelemetry telemetry;
    private readonly ScaniumBackendTelemetry.BackendLogger log;
    private readonly ScaniumBackendTelemetry.Env env;

    /// <summary>Creates the middleware.</summary>
    public RequestMetricsMiddleware(RequestDelegate next, ScaniumBackendTelemetry telemetry, ScaniumBackendTelemetry.BackendLogger log, ScaniumSettings settings)
    {
        this.next = next;
        this.telemetry = telemetry;
        this.log = log;
        env = settings.Env;
    }

    /// <summary>Handles one request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var inFlight = telemetry.HttpRequestsInFlight.Bind(Service, env);
        var start = Stopwatch.GetTimestamp();
        inFlight.Inc();
        string? error = null;
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            // The endpoint failed: answer 500 ourselves so the status code we count is the one the client sees.
            error = ex.Message;
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsJsonAsync(new { error = "internal error" });
        }
        finally
        {
            inFlight.Dec();
        }

        var elapsedMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
        var status = context.Response.StatusCode;
        var traceId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        if (ScaniumBackendTelemetry.TryParse(context.Request.Method, out ScaniumBackendTelemetry.Method method))
        {
            telemetry.HttpRequestsTotal.Inc(Service, env, method, route, status);
            telemetry.HttpRequestDurationMs.Observe(elapsedMs, Service, env, method, route);
        }

        ScaniumBackendTelemetry.Method? loggedMethod = ScaniumBackendTelemetry.TryParse(context.Request.Method, out ScaniumBackendTelemetry.Method m) ? m : null;
        if (error is not null)
        {
            log.Error("request failed", route: route, method: loggedMethod, statusCode: status, durationMs: Math.Round(elapsedMs, 3), traceId: traceId, eventName: "http_request", errorMessage: error);
        }
        else if (route != "/metrics" && route != "/health")
        {
            log.Info("request handled", route: route, method: loggedMethod, statusCode: status, durationMs: Math.Round(elapsedMs, 3), traceId: traceId, eventName: "http_request");
        }
    }
}
