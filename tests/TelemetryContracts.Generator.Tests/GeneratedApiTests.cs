using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TelemetryContracts.Runtime;

namespace TelemetryContracts.Generator.Tests;

/// <summary>Behaviour of the generated API beyond names: closed labels, bound handles, callbacks, DI-free use.</summary>
public sealed class GeneratedApiTests
{
    private const string Contract = """
        service: shop
        namespace: shop
        labels:
          region: { values: [eu-west, us-east] }
          premium: { type: bool }
          status_code: { type: int, max_values: 60 }
        metrics:
          orders_total:
            type: counter
            help: Orders.
            labels: [region, premium]
          responses_total:
            type: counter
            help: Responses.
            labels: [region, status_code]
          queue_depth:
            type: gauge
            help: Items waiting.
        logs:
          app:
            stream: { source: shop-api, region: $region }
            levels: [info, WARN]
            level_field: severity
            message_field: message
            fields: [status_code, premium, order_id]
        """;

    [Fact]
    public void ClosedLabels_ExportTheDeclaredWireValues_AndBoundHandlesShareTheSeries()
    {
        var (registry, telemetry, type) = Create(null);
        using (registry)
        {
            var orders = Metric(telemetry, "OrdersTotal");
            var region = type.GetNestedType("Region")!;
            var usEast = Enum.Parse(region, "UsEast");
            Invoke(orders, "Inc", usEast, true);
            var handle = Invoke(orders, "Bind", usEast, true)!;
            ((CounterCell)handle).Add(2);
            Invoke(Metric(telemetry, "ResponsesTotal"), "Inc", usEast, 404);

            var text = registry.ToExpositionString(ExpositionFormat.PrometheusText);

            Assert.Contains("shop_orders_total{region=\"us-east\",premium=\"true\"} 3", text, StringComparison.Ordinal);
            Assert.Contains("shop_responses_total{region=\"us-east\",status_code=\"404\"} 1", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnEnumValueOutsideTheContract_IsRejected_NotExportedAsANumber()
    {
        var (registry, telemetry, type) = Create(null);
        using (registry)
        {
            var bogus = Enum.ToObject(type.GetNestedType("Region")!, 7);

            var error = Assert.Throws<TargetInvocationException>(() => Invoke(Metric(telemetry, "OrdersTotal"), "Inc", bogus, false));

            Assert.IsType<ArgumentOutOfRangeException>(error.InnerException);
            Assert.Contains("region", error.InnerException!.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("region=\"7\"", registry.ToExpositionString(ExpositionFormat.PrometheusText), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void GaugeWithACallback_IsReadAtScrapeTime_AndCannotBeSet()
    {
        var depth = 41.0;
        var (registry, telemetry, _) = Create(() => depth);
        using (registry)
        {
            depth = 42;
            var text = registry.ToExpositionString(ExpositionFormat.PrometheusText);

            Assert.Contains("shop_queue_depth 42", text, StringComparison.Ordinal);
            var error = Assert.Throws<TargetInvocationException>(() => Invoke(Metric(telemetry, "QueueDepth"), "Set", 1L));
            Assert.IsType<InvalidOperationException>(error.InnerException);
        }
    }

    [Fact]
    public void TypedLogger_WritesThroughMicrosoftExtensionsLogging_WithTheDeclaredStreamLabelsLevelSpellingAndFields()
    {
        var (registry, _, type) = Create(null);
        using (registry)
        using (var provider = new ServiceCollection().AddLogging().AddSingleton<ILoggerProvider, CapturingProvider>().BuildServiceProvider())
        {
            var capture = (CapturingProvider)provider.GetServices<ILoggerProvider>().Single(p => p is CapturingProvider);
            var services = new ServiceCollection().AddSingleton(provider.GetRequiredService<ILoggerFactory>()).AddSingleton(registry);
            var region = type.GetNestedType("Region")!;
            type.Assembly.GetType(GeneratorHarness.Namespace + ".ShopTelemetryServiceCollectionExtensions")!
                .GetMethod("AddShopTelemetry")!.Invoke(null, [services, Enum.Parse(region, "EuWest")]);
            using var built = services.BuildServiceProvider();
            var logger = built.GetRequiredService(type.GetNestedType("AppLogger")!);
            Assert.Same(registry, ((dynamic)built.GetRequiredService(type)).Registry);

            logger.GetType().GetMethod("Warn")!.Invoke(logger, ["payment slow", 503, null, "o-17", null]);

            var (level, state, message) = Assert.Single(capture.Entries);
            Assert.Equal(LogLevel.Warning, level);
            Assert.Equal("payment slow", message);
            Assert.Equal(
                ["source=shop-api", "region=eu-west", "severity=WARN", "message=payment slow", "status_code=503", "order_id=o-17"],
                state.Select(p => p.Key + "=" + Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    private sealed class CapturingProvider : ILoggerProvider, ILogger
    {
        public List<(LogLevel Level, List<KeyValuePair<string, object?>> State, string Message)> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, ((IEnumerable<KeyValuePair<string, object?>>)state!).ToList(), formatter(state, exception)));

        public void Dispose()
        {
        }
    }

    private static (MetricRegistry Registry, object Telemetry, Type Type) Create(Func<double>? queueDepth)
    {
        var (output, _, _) = GeneratorHarness.Run(GeneratorHarness.Compilation(assemblyName: "Api" + Guid.NewGuid().ToString("N")), GeneratorHarness.Contract("/src/shop.telemetry.yaml", Contract));
        var type = GeneratorHarness.EmitAndLoad(output).GetType(GeneratorHarness.Namespace + ".ShopTelemetry", throwOnError: true)!;
        var registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null });
        object telemetry;
        if (queueDepth is null)
        {
            telemetry = Activator.CreateInstance(type, registry)!;
        }
        else
        {
            var callbacks = Activator.CreateInstance(type.GetNestedType("Callbacks")!)!;
            callbacks.GetType().GetProperty("QueueDepth")!.SetValue(callbacks, queueDepth);
            telemetry = Activator.CreateInstance(type, registry, callbacks)!;
        }

        return (registry, telemetry, type);
    }

    private static object Metric(object telemetry, string property) => telemetry.GetType().GetProperty(property)!.GetValue(telemetry)!;

    private static object? Invoke(object target, string method, params object[] args) =>
        target.GetType().GetMethods().Single(m => m.Name == method && m.GetParameters().Length == args.Length).Invoke(target, args);
}
