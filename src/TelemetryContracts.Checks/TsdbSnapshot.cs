using System.Text.RegularExpressions;
using TelemetryContracts.Checks.Clients;
using TelemetryContracts.Clients;
using TelemetryContracts.Contracts;

namespace TelemetryContracts.Checks;

/// <summary>
/// What the TSDB knows about one job, fetched with five requests whatever the number of declared metrics
/// (the issue's bar: a constant number of queries per job, never one per metric):
/// <c>up{job}</c>, the targets API, the job's series under the namespace in the recent window, the metric names
/// the job had over the lookback, and every metric name over the lookback (for did-you-mean across jobs, e.g. cAdvisor).
/// </summary>
public sealed class TsdbSnapshot
{
    private TsdbSnapshot(string job, string selector)
    {
        Job = job;
        Selector = selector;
    }

    /// <summary>The job checked.</summary>
    public string Job { get; }

    /// <summary>The series selector used for the recent series.</summary>
    public string Selector { get; }

    /// <summary><c>up{job="…"}</c> now.</summary>
    public ApiResponse<IReadOnlyList<VectorSample>> Up { get; private set; } = null!;

    /// <summary>Active targets; not Ok (404) on Mimir and VictoriaMetrics' query API.</summary>
    public ApiResponse<IReadOnlyList<ScrapeTarget>>? Targets { get; private set; }

    /// <summary>The job's series under the namespace with samples in the recent window.</summary>
    public ApiResponse<IReadOnlyList<IReadOnlyDictionary<string, string>>>? RecentSeries { get; private set; }

    /// <summary>Metric names the job had over the lookback window.</summary>
    public ApiResponse<IReadOnlyList<string>>? JobNames { get; private set; }

    /// <summary>Every metric name over the lookback window.</summary>
    public ApiResponse<IReadOnlyList<string>>? AllNames { get; private set; }

    /// <summary>How many requests were made.</summary>
    public int Requests { get; private set; }

    /// <summary>Whether the first query got an API answer at all (false: not running, refused, 401…).</summary>
    public bool Reachable => Up.Exchange.IsSuccess || (Up.Exchange.StatusCode is 400 or 422 && Up.ErrorType is not null and not "not_json");

    internal static async Task<TsdbSnapshot> LoadAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var contract = context.Contract;
        var job = contract.Job;
        var selector = SeriesSelector(contract);
        var s = new TsdbSnapshot(job, selector);
        var now = context.Now;
        s.Up = Samples(await context.AskPrometheusAsync(p => p.QueryAsync($"up{{job=\"{Escape(job)}\"}}", now, cancellationToken)).ConfigureAwait(false));
        s.Requests = 1;
        if (!s.Reachable)
        {
            return s;
        }

        var targets = await context.AskPrometheusAsync(p => p.TargetsAsync("active", cancellationToken)).ConfigureAwait(false);
        s.Targets = new(targets.Exchange, targets.Data?.Active, targets.Error, targets.ErrorType);
        s.RecentSeries = await context.AskPrometheusAsync(p => p.SeriesAsync([selector], now - context.Settings.RecentWindow, now, cancellationToken)).ConfigureAwait(false);
        s.JobNames = await context.AskPrometheusAsync(p => p.LabelValuesAsync("__name__", [$"{{job=\"{Escape(job)}\"}}"], now - context.Settings.Lookback, now, cancellationToken)).ConfigureAwait(false);
        s.AllNames = await context.AskPrometheusAsync(p => p.LabelValuesAsync("__name__", null, now - context.Settings.Lookback, now, cancellationToken)).ConfigureAwait(false);
        s.Requests = 5;
        return s;
    }

    // up is an instant vector (a scalar counts as one unlabelled sample, as before); anything else is not the documented shape.
    private static ApiResponse<IReadOnlyList<VectorSample>> Samples(ApiResponse<QueryData> r) => r.Data switch
    {
        null => new(r.Exchange, null, r.Error, r.ErrorType),
        { ResultType: QueryResultType.Vector } d => new(r.Exchange, d.Vector),
        { ResultType: QueryResultType.Scalar, Scalar: { } p } => new(r.Exchange, new[] { new VectorSample(new Dictionary<string, string>(), p) }),
        var d => new(r.Exchange, null, "the answer does not have the documented shape (result type " + d.ResultType + ", not vector)", "bad_shape"),
    };

    /// <summary><c>{__name__=~"ns_.+",job="…"}</c>, or the declared names when the contract has no namespace.</summary>
    public static string SeriesSelector(TelemetryContract contract)
    {
        var names = contract.Namespace is { Length: > 0 } ns
            ? Regex.Escape(ns) + "_.+"
            : string.Join("|", contract.Metrics.SelectMany(m => m.SeriesNames).Select(Regex.Escape));
        return $"{{__name__=~\"{Escape(names)}\",job=\"{Escape(contract.Job)}\"}}";
    }

    /// <summary>Escapes a PromQL string literal's content.</summary>
    public static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
