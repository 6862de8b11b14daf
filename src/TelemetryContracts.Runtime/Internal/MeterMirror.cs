using System.Diagnostics.Metrics;

namespace TelemetryContracts.Runtime.Internal;

/// <summary>
/// Mirrors the registry's families as System.Diagnostics.Metrics instruments with the same names: observable
/// instruments that read the cells when a listener collects, and a real Histogram that cells record into only
/// while some listener has it enabled (so with no listener the hot path pays one field check).
/// </summary>
internal sealed class MeterMirror : IDisposable
{
    public MeterMirror(string meterName) => Meter = new Meter(meterName);

    public Meter Meter { get; }

    public void Add(MetricFamily family)
    {
        var unit = family.Unit.Length > 0 ? family.Unit : null;
        var help = family.Help.Length > 0 ? family.Help : null;
        switch (family)
        {
            case CounterFamily c:
                Meter.CreateObservableCounter(c.Name, () => Collect(c, cell => cell.Value), unit, help);
                break;
            case DoubleCounterFamily d:
                Meter.CreateObservableCounter(d.Name, () => Collect(d, cell => cell.Value), unit, help);
                break;
            case GaugeFamily g:
                Meter.CreateObservableGauge(g.Name, () => Collect(g, cell => cell.Value), unit, help);
                break;
            case UpDownCounterFamily u:
                Meter.CreateObservableUpDownCounter(u.Name, () => Collect(u, cell => cell.Value), unit, help);
                break;
            case HistogramFamily h:
                h.Instrument = Meter.CreateHistogram<double>(h.Name, unit, help, tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = h.BoundsArray });
                break;
            case CallbackGauge cb:
                Meter.CreateObservableGauge(cb.Name, cb.Read, unit, help);
                break;
        }
    }

    public void Dispose() => Meter.Dispose();

    private static List<Measurement<T>> Collect<TCell, T>(MetricFamily<TCell> family, Func<TCell, T> read)
        where TCell : MetricCell
        where T : struct
    {
        var list = new List<Measurement<T>>(family.SeriesCount + 1);
        family.ForEachSeries(cell => list.Add(new Measurement<T>(read(cell), cell.Tags)));
        if (family.OverflowSeries is { } overflow)
        {
            list.Add(new Measurement<T>(read(overflow), overflow.Tags));
        }

        return list;
    }
}
