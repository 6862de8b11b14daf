using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TelemetryContracts.Runtime;

namespace TelemetryContracts.Logging;

/// <summary>Registration of the JSON-lines logger and the Loki push client.</summary>
public static class TelemetryLoggingBuilderExtensions
{
    /// <summary>
    /// Adds the JSON-lines provider (one JSON object per line on standard output) with provider-wide stream labels,
    /// e.g. <c>o.StreamLabels["source"] = "scanium-backend"; o.StreamLabels["env"] = "prod";</c>.
    /// </summary>
    public static ILoggingBuilder AddTelemetryJsonConsole(this ILoggingBuilder builder, Action<JsonLinesLoggerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }
        else
        {
            builder.Services.AddOptions<JsonLinesLoggerOptions>();
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, JsonLinesLoggerProvider>(sp =>
            new JsonLinesLoggerProvider(
                sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<JsonLinesLoggerOptions>>().Value,
                sp.GetService<LokiPushClient>())));
        return builder;
    }

    /// <summary>
    /// Also pushes every line straight to Loki (batched, bounded, retried; never blocks the logging thread). Adds the
    /// JSON-lines provider when missing; set <see cref="JsonLinesLoggerOptions.WriteToOutput"/> false for Loki only.
    /// </summary>
    public static ILoggingBuilder AddTelemetryLokiPush(this ILoggingBuilder builder, Action<LokiPushOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.TryAddSingleton(sp =>
        {
            var options = new LokiPushOptions();
            configure(options);
            return new LokiPushClient(options, httpClient: null, metrics: sp.GetService<MetricRegistry>());
        });
        return builder.AddTelemetryJsonConsole();
    }
}
