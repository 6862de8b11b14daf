using System.Net.Http;
using System.Text.Json;

namespace TelemetryContracts.PromQL.Tests;

/// <summary>Asks a live Prometheus to format queries through <c>/api/v1/format_query</c>, a few at a time.</summary>
public sealed class PrometheusFormatClient(string baseUrl) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Prometheus's verdict on one query: the formatted text, or its error message.</summary>
    public sealed record Verdict(bool Ok, string Text);

    /// <summary>Formats all <paramref name="queries"/> with at most <paramref name="parallelism"/> requests in flight.</summary>
    public async Task<Dictionary<string, Verdict>> FormatAllAsync(IReadOnlyCollection<string> queries, int parallelism = 4)
    {
        var results = new System.Collections.Concurrent.ConcurrentDictionary<string, Verdict>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(queries, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (q, ct) =>
        {
            results[q] = await FormatAsync(q, ct);
        });
        return new Dictionary<string, Verdict>(results, StringComparer.Ordinal);
    }

    /// <summary>The server's version from <c>/api/v1/status/buildinfo</c>.</summary>
    public async Task<string> VersionAsync()
    {
        using var doc = JsonDocument.Parse(await http.GetStringAsync("/api/v1/status/buildinfo"));
        return doc.RootElement.GetProperty("data").GetProperty("version").GetString() ?? string.Empty;
    }

    /// <summary>Formats one query.</summary>
    public async Task<Verdict> FormatAsync(string query, CancellationToken ct = default)
    {
        using var content = new FormUrlEncodedContent([new KeyValuePair<string, string>("query", query)]);
        using var response = await http.PostAsync("/api/v1/format_query", content, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        return root.GetProperty("status").GetString() == "success"
            ? new Verdict(true, root.GetProperty("data").GetString()!)
            : new Verdict(false, root.GetProperty("error").GetString()!);
    }

    /// <inheritdoc />
    public void Dispose() => http.Dispose();
}
