using TelemetryContracts.Generator.Model;

namespace TelemetryContracts.Generator.Tests;

/// <summary>Specs built in code, so the emitter is tested without YAML or Roslyn in the way.</summary>
internal static class HandBuiltSpecs
{
    public static ContractSpec EveryKind()
    {
        var region = new LabelSpec("region", LabelKind.Enum, "region", "Region", Members(("EuWest", "eu-west"), ("UsEast", "us-east")), "Where the order was placed.");
        var premium = new LabelSpec("premium", LabelKind.Bool, "premium", null, EquatableArray<EnumMemberSpec>.Empty, null);
        var status = new LabelSpec("status_code", LabelKind.Int, "statusCode", null, EquatableArray<EnumMemberSpec>.Empty, null);
        var route = new LabelSpec("route", LabelKind.String, "route", null, EquatableArray<EnumMemberSpec>.Empty, "Route <template> & \"quotes\".");
        var klass = new LabelSpec("class", LabelKind.Enum, "@class", "Class", Members(("_5xx", "5xx"), ("A", "a")), null);
        return new ContractSpec(
            "orders.telemetry.yaml",
            "orders",
            "OrdersTelemetry",
            "Orders API.",
            "orders",
            new[] { region, premium, status, route, klass }.ToEquatableArray(),
            new[]
            {
                Metric("orders_created_total", "OrdersCreatedTotal", MetricKind.Counter, false, ["region", "premium"]),
                Metric("revenue_euros_total", "RevenueEurosTotal", MetricKind.Counter, true, ["region"]),
                Metric("queue_depth", "QueueDepth", MetricKind.Gauge, false, []),
                Metric("temperature_celsius", "TemperatureCelsius", MetricKind.Gauge, true, ["class"]),
                Metric("sessions_active", "SessionsActive", MetricKind.UpDownCounter, false, ["region"]),
                Metric("balance_euros", "BalanceEuros", MetricKind.UpDownCounter, true, []),
                Metric("request_duration_seconds", "RequestDurationSeconds", MetricKind.Histogram, true, ["region", "route", "status_code", "premium", "class"], [0.005, 0.01, 0.1, 1, 10]),
            }.ToEquatableArray(),
            new[]
            {
                new LogStreamSpec(
                    "app",
                    "AppLogger",
                    "AppLog",
                    "Application log.",
                    new[] { new StreamLabelSpec("source", "orders", null, false), new StreamLabelSpec("region", null, "region", false) }.ToEquatableArray(),
                    new[] { new LogLevelSpec("DEBUG", "Debug", "Debug"), new LogLevelSpec("WARN", "Warn", "Warning"), new LogLevelSpec("fatal", "Fatal", "Critical") }.ToEquatableArray(),
                    "severity",
                    "message_text",
                    new[] { new LogFieldSpec("route", "route", "route"), new LogFieldSpec("premium", "premium", "premium"), new LogFieldSpec("region", "region", "region"), new LogFieldSpec("status_code", "statusCode", "status_code"), new LogFieldSpec("order_id", "orderId", null) }.ToEquatableArray()),
            }.ToEquatableArray());
    }

    private static EquatableArray<EnumMemberSpec> Members(params (string Member, string Wire)[] values) =>
        values.Select(v => new EnumMemberSpec(v.Member, v.Wire)).ToEquatableArray();

    private static MetricSpec Metric(string name, string property, MetricKind kind, bool isDouble, string[] labels, double[]? buckets = null) =>
        new(name, "orders_" + name, property, property + "Metric", kind, isDouble, "Help of " + name + ".", name.EndsWith("seconds", StringComparison.Ordinal) ? "seconds" : "", labels.ToEquatableArray(), (buckets ?? []).ToEquatableArray(), null, "sum(orders_" + name + ")");
}
