using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TelemetryContracts.Runtime;

namespace TelemetryContracts.AspNetCore;

/// <summary>Registration of the metric registry and its scrape endpoint.</summary>
public static class TelemetryMetricsEndpointExtensions
{
    /// <summary>Registers a singleton <see cref="MetricRegistry"/> (configure the series limit, meter name and bridged meters here).</summary>
    public static IServiceCollection AddTelemetryMetrics(this IServiceCollection services, Action<MetricRegistryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp =>
        {
            var options = new MetricRegistryOptions { BridgedMeterScope = sp.GetService<System.Diagnostics.Metrics.IMeterFactory>() };
            configure?.Invoke(options);
            return new MetricRegistry(options);
        });
        return services;
    }

    /// <summary>
    /// Maps GET (and HEAD) <paramref name="pattern"/> to the Prometheus exposition, choosing Prometheus text or
    /// OpenMetrics from the <c>Accept</c> header. The body is written straight into the response pipe.
    /// </summary>
    public static IEndpointConventionBuilder MapTelemetryMetrics(this IEndpointRouteBuilder endpoints, string pattern = "/metrics", Action<MetricsEndpointOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = new MetricsEndpointOptions();
        configure?.Invoke(options);
        var registry = options.Registry ?? endpoints.ServiceProvider.GetService<MetricRegistry>() ?? MetricRegistry.Default;
        var authorizer = new ScrapeAuthorizer(options.Auth);
        return endpoints.MapMethods(pattern, ["GET", "HEAD"], context => ServeAsync(context, registry, authorizer))
            .WithDisplayName("Telemetry Contracts metrics");
    }

    private static async Task ServeAsync(HttpContext context, MetricRegistry registry, ScrapeAuthorizer authorizer)
    {
        var response = context.Response;
        if (!authorizer.IsAuthorized(context.Request.Headers.Authorization))
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            response.Headers.WWWAuthenticate = authorizer.Challenges.ToArray();
            return;
        }

        var format = ExpositionFormat.Negotiate(context.Request.Headers.Accept);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = format.ContentType;
        response.Headers.CacheControl = "no-store";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        registry.WriteExposition(response.BodyWriter, format);
        await response.BodyWriter.FlushAsync(context.RequestAborted);
    }
}
