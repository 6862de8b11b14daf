using TelemetryContracts.Contracts;
using TelemetryContracts.Runtime;
using TelemetryContracts.TestSupport;
using ContractMetricType = TelemetryContracts.Contracts.MetricType;

namespace TelemetryContracts.Checks.Tests;

/// <summary>How the test service misbehaves, mirroring the sample service's switches (Scanium__OmitMetrics, Scanium__RenameLabel).</summary>
public sealed record ServiceFaults
{
    /// <summary>Declared metrics (full names) the "deployed build" does not emit.</summary>
    public IReadOnlyList<string> OmitMetrics { get; init; } = Array.Empty<string>();

    /// <summary>A label renamed in code: (declared, emitted).</summary>
    public (string From, string To)? RenameLabel { get; init; }

    /// <summary>A metric emitted under another name: (declared full name, emitted name).</summary>
    public (string From, string To)? RenameMetric { get; init; }

    /// <summary>The bearer token /metrics demands.</summary>
    public string? BearerToken { get; init; }
}

/// <summary>
/// A real HTTP service on 127.0.0.1 built with the metric runtime from a contract: every declared metric registered and
/// recorded once with declared values, unless a fault says otherwise. Stands in for samples/ScaniumBackend.
/// </summary>
public sealed class ContractService : IAsyncDisposable
{
    private readonly MetricRegistry registry = new();
    private readonly MetricsServer server;

    /// <summary>Starts the service for <paramref name="contract"/>.</summary>
    public ContractService(TelemetryContract contract, ServiceFaults? faults = null)
    {
        faults ??= new ServiceFaults();
        foreach (var m in contract.Metrics)
        {
            if (faults.OmitMetrics.Contains(m.FullName))
            {
                continue;
            }

            var name = faults.RenameMetric is { } rm && rm.From == m.FullName ? rm.To : m.FullName;
            var labels = m.Labels.Select(l => faults.RenameLabel is { } r && r.From == l ? r.To : l).ToArray();
            var values = m.Labels.Select(l => ValueFor(contract, l)).ToArray();
            switch (m.Type)
            {
                case ContractMetricType.Counter:
                    var c = registry.CreateCounter(name, m.Help, "", labels);
                    (labels.Length == 0 ? c.Unlabelled : c.WithLabels(values)).Add(3);
                    break;
                case ContractMetricType.Histogram:
                    var h = registry.CreateHistogram(name, m.Help, "", labels, m.Buckets?.ToArray());
                    (labels.Length == 0 ? h.Unlabelled : h.WithLabels(values)).Observe(42);
                    break;
                case ContractMetricType.UpDownCounter:
                    var u = registry.CreateUpDownCounter(name, m.Help, "", labels);
                    (labels.Length == 0 ? u.Unlabelled : u.WithLabels(values)).Add(2);
                    break;
                default:
                    var g = registry.CreateGauge(name, m.Help, "", labels);
                    (labels.Length == 0 ? g.Unlabelled : g.WithLabels(values)).Set(7);
                    break;
            }
        }

        Port = FreePort.Next();
        server = new MetricsServer(registry, new MetricsServerOptions
        {
            Host = "127.0.0.1",
            Port = Port,
            Path = "/metrics",
            Auth = new ScrapeAuthOptions { BearerToken = faults.BearerToken },
        }).Start();
    }

    /// <summary>The port.</summary>
    public int Port { get; }

    /// <summary>The metrics URL.</summary>
    public Uri MetricsUrl => new($"http://127.0.0.1:{Port}/metrics");

    private static string ValueFor(TelemetryContract contract, string label) =>
        contract.FindLabel(label) switch
        {
            { IsClosed: true } l => l.ClosedValues[0],
            { Type: LabelType.Int } => "200",
            _ => "/api/items/{id}",
        };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        registry.Dispose();
    }
}
