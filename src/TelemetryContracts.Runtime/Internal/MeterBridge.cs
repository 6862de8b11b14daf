using System.Diagnostics.Metrics;

namespace TelemetryContracts.Runtime.Internal;

/// <summary>
/// Listens to the meters the user opted in (never the registry's own mirror, which would count twice) and feeds
/// their measurements into <see cref="BridgedInstrument"/> families of the registry.
/// </summary>
internal sealed class MeterBridge : IDisposable
{
    /// <summary>OpenTelemetry's default explicit bucket bounds, used when an instrument gives no advice.</summary>
    private static readonly double[] OtelDefaultBuckets = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    private readonly MetricRegistry registry;
    private readonly string[] meterPatterns;
    private readonly Meter? ownMeter;
    private readonly MeterListener listener;
    private readonly object? scope;
    private readonly Dictionary<string, BridgedInstrument> bridged = new(StringComparer.Ordinal);

    public MeterBridge(MetricRegistry registry, string[] meterPatterns, Meter? ownMeter)
    {
        this.registry = registry;
        this.meterPatterns = meterPatterns;
        this.ownMeter = ownMeter;
        scope = registry.Options.BridgedMeterScope;
        listener = new MeterListener { InstrumentPublished = OnPublished };
        listener.SetMeasurementEventCallback<double>((i, v, t, s) => ((BridgedInstrument)s!).Record(v, t));
        listener.SetMeasurementEventCallback<float>((i, v, t, s) => ((BridgedInstrument)s!).Record(v, t));
        listener.SetMeasurementEventCallback<long>((i, v, t, s) => ((BridgedInstrument)s!).Record(v, t));
        listener.SetMeasurementEventCallback<int>((i, v, t, s) => ((BridgedInstrument)s!).Record(v, t));
        listener.SetMeasurementEventCallback<short>((i, v, t, s) => ((BridgedInstrument)s!).Record(v, t));
        listener.SetMeasurementEventCallback<byte>((i, v, t, s) => ((BridgedInstrument)s!).Record(v, t));
        listener.SetMeasurementEventCallback<decimal>((i, v, t, s) => ((BridgedInstrument)s!).Record((double)v, t));
        listener.Start();
    }

    /// <summary>Asks observable instruments for their current values; called at the start of each scrape.</summary>
    public void CollectObservables() => listener.RecordObservableInstruments();

    public void Dispose() => listener.Dispose();

    private void OnPublished(Instrument instrument, MeterListener l)
    {
        if (ReferenceEquals(instrument.Meter, ownMeter) || !Matches(instrument.Meter.Name)
            || (scope is not null && instrument.Meter.Scope is not null && !ReferenceEquals(instrument.Meter.Scope, scope)))
        {
            return;
        }

        var kind = KindOf(instrument);
        if (kind is null)
        {
            return;
        }

        var isCounter = kind is BridgeKind.Counter or BridgeKind.ObservableCounter;
        var isGauge = kind is BridgeKind.Gauge or BridgeKind.UpDownCounter;
        var name = PrometheusNaming.MetricName(instrument.Name, instrument.Unit, isCounter, isGauge);
        var unitWord = PrometheusNaming.UnitSuffix(instrument.Unit, isGauge);
        lock (bridged)
        {
            // Instruments with one name from several meters (one per DI container) feed one family, as in OpenTelemetry.
            if (bridged.TryGetValue(name, out var existing))
            {
                if (existing.Kind == kind.Value)
                {
                    l.EnableMeasurementEvents(instrument, existing);
                }

                return;
            }

            var family = new BridgedInstrument(registry, name, instrument.Description ?? string.Empty, unitWord, kind.Value, kind == BridgeKind.Histogram ? BucketsOf(instrument) : null);
            if (registry.TryAddBridged(family))
            {
                bridged.Add(name, family);
                l.EnableMeasurementEvents(instrument, family);
            }
        }
    }

    private bool Matches(string meterName)
    {
        foreach (var p in meterPatterns)
        {
            if (p.EndsWith('*') ? meterName.StartsWith(p[..^1], StringComparison.Ordinal) : meterName == p)
            {
                return true;
            }
        }

        return false;
    }

    private static BridgeKind? KindOf(Instrument instrument)
    {
        var t = instrument.GetType();
        if (!t.IsGenericType)
        {
            return null;
        }

        var d = t.GetGenericTypeDefinition();
        if (d == typeof(Counter<>))
        {
            return BridgeKind.Counter;
        }

        if (d == typeof(ObservableCounter<>))
        {
            return BridgeKind.ObservableCounter;
        }

        if (d == typeof(UpDownCounter<>))
        {
            return BridgeKind.UpDownCounter;
        }

        if (d == typeof(Histogram<>))
        {
            return BridgeKind.Histogram;
        }

        if (d == typeof(Gauge<>) || d == typeof(ObservableGauge<>) || d == typeof(ObservableUpDownCounter<>))
        {
            return BridgeKind.Gauge;
        }

        return null;
    }

    private static double[] BucketsOf(Instrument instrument) => instrument switch
    {
        Histogram<double> { Advice.HistogramBucketBoundaries: { } b } => b.ToArray(),
        Histogram<float> { Advice.HistogramBucketBoundaries: { } b } => b.Select(x => (double)x).ToArray(),
        Histogram<long> { Advice.HistogramBucketBoundaries: { } b } => b.Select(x => (double)x).ToArray(),
        Histogram<int> { Advice.HistogramBucketBoundaries: { } b } => b.Select(x => (double)x).ToArray(),
        _ => OtelDefaultBuckets,
    };
}
