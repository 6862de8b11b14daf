using TelemetryContracts.Clients;
using TelemetryContracts.Contracts;
using TelemetryContracts.Reporting;

namespace TelemetryContracts.MainJob;

/// <summary>Per declared metric: its series count for the job (one query for all of them) and its course over the run.</summary>
public static class MetricProbe
{
    /// <summary>Builds one row per declared metric.</summary>
    public static async Task<IReadOnlyList<MetricRow>> RunAsync(TelemetryContract contract, PrometheusClient prometheus, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        // One query for every metric of the job, as the doctor does: a constant number of queries per job.
        var job = contract.Job.Replace("\"", "\\\"", StringComparison.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var all = await prometheus.QueryAsync($"count by (__name__) ({{job=\"{job}\"}})", end, cancellationToken);
        if (all.IsSuccess)
        {
            foreach (var s in all.Value!.Vector)
            {
                counts[s.Labels["__name__"]] = (int)s.Point.Value;
            }
        }

        var rows = new List<MetricRow>();
        foreach (var m in contract.Metrics)
        {
            var seriesName = m.Type == MetricType.Histogram ? m.FullName + "_bucket" : m.FullName;
            counts.TryGetValue(seriesName, out var series);
            var spark = m.Type switch
            {
                MetricType.Counter => $"sum(rate({m.FullName}{{job=\"{job}\"}}[10s]))",
                MetricType.Histogram => $"sum(rate({m.FullName}_count{{job=\"{job}\"}}[10s]))",
                _ => $"sum({m.FullName}{{job=\"{job}\"}})",
            };
            var range = await prometheus.QueryRangeAsync(spark, start, end, TimeSpan.FromSeconds(2), cancellationToken);
            var samples = range.IsSuccess && range.Value!.Matrix.Count > 0 ? range.Value.Matrix[0].Points.Select(p => p.Value).ToList() : new List<double>();
            rows.Add(new MetricRow(
                m.FullName,
                TypeName(m.Type),
                m.Labels,
                series,
                series > 0 ? StageStatus.Ok : StageStatus.Failed,
                samples,
                series > 0 ? null : $"no series for job {contract.Job}"));
        }

        return rows;
    }

    private static string TypeName(MetricType t) => t switch
    {
        MetricType.Counter => "counter",
        MetricType.Gauge => "gauge",
        MetricType.UpDownCounter => "updown_counter",
        _ => "histogram",
    };
}
