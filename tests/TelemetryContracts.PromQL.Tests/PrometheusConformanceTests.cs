using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TelemetryContracts.PromQL.Tests.Corpus;
using TelemetryContracts.TestSupport;
using Xunit.Abstractions;

namespace TelemetryContracts.PromQL.Tests;

/// <summary>
/// Every corpus expression goes to a real Prometheus 2.42 (<c>/api/v1/format_query</c>) and to our parser: the
/// accept/reject decisions must agree, and for accepted ones our pretty printer must produce Prometheus's exact
/// text. The only tolerated difference is newer syntax (3.x) that we accept and 2.42 rejects.
/// </summary>
public sealed partial class PrometheusConformanceTests(ITestOutputHelper output)
{
    [GeneratedRegex(@"^invalid parameter ""query"": (?<line>\d+):(?<col>\d+): parse error: (?<msg>.*)$", RegexOptions.Singleline)]
    private static partial Regex PrometheusError();

    [SkippableFact]
    public async Task Corpus_decisions_and_formatting_equal_prometheus_2_42()
    {
        Skip.If(PrometheusServer.Binary is null, "prometheus is not installed and cannot be installed here");
        var corpus = PromQLCorpus.All().Concat(EdgeCases.All()).ToList();
        var unique = corpus.DistinctBy(c => c.Expression, StringComparer.Ordinal).ToList();

        await using var server = await PrometheusServer.StartAsync();
        using var client = new PrometheusFormatClient(server.Url);
        var version = await client.VersionAsync();

        // The printer reproduces the 2.42 prettier; other releases format differently, so comparing would be meaningless.
        Skip.IfNot(version.StartsWith("2.42.", StringComparison.Ordinal), $"Prometheus {version} is installed; this test needs 2.42");
        var verdicts = await client.FormatAllAsync(unique.Select(u => u.Expression).ToList());

        int agreeAccept = 0, agreeReject = 0, printerEqual = 0, messageEqual = 0, positionEqual = 0;
        var messageDiffs = new List<string>();
        var allowed = new List<string>();
        var disagreements = new List<string>();
        var rejectedButValidUpstream = new List<string>();
        foreach (var c in unique)
        {
            var ours = PromQLParser.Parse(c.Expression);
            var theirs = verdicts[c.Expression];
            if (ours.Success && theirs.Ok)
            {
                agreeAccept++;
                var pretty = Printer.Pretty(ours.Expr!);
                if (pretty == theirs.Text) { printerEqual++; }
                else { disagreements.Add($"[printer] {c.Source}\n  input:      {c.Expression}\n  prometheus: {theirs.Text}\n  ours:       {pretty}"); }
            }
            else if (!ours.Success && !theirs.Ok)
            {
                agreeReject++;
                var m = PrometheusError().Match(theirs.Text);
                var first = ours.Errors[0];
                if (m.Success)
                {
                    var (line, col) = first.Position.LineColumn(c.Expression);
                    if (m.Groups["line"].Value == line.ToString(CultureInfo.InvariantCulture) && m.Groups["col"].Value == col.ToString(CultureInfo.InvariantCulture)) { positionEqual++; }
                    if (m.Groups["msg"].Value == first.Message) { messageEqual++; }
                    else { messageDiffs.Add($"{c.Source}: {c.Expression}\n    ours: {first.ToPrometheusString(c.Expression)}\n    2.42: {theirs.Text}"); }
                }

                if (!c.MarkedFailing) { rejectedButValidUpstream.Add($"{c.Source}: {c.Expression}\n    ours: {ours.Errors[0]}\n    2.42: {theirs.Text}"); }
            }
            else if (ours.Success && ours.Features != PromQLFeature.None)
            {
                allowed.Add($"{c.Source} [{ours.Features}]{(c.MarkedFailing ? " (marked failing upstream)" : string.Empty)} {c.Expression}");
            }
            else if (ours.Success)
            {
                disagreements.Add($"[we accept, 2.42 rejects] {c.Source}\n  input: {c.Expression}\n  prometheus: {theirs.Text}");
            }
            else
            {
                disagreements.Add($"[we reject, 2.42 accepts] {c.Source}\n  input: {c.Expression}\n  ours: {ours.Errors[0]}\n  prometheus: {theirs.Text}");
            }
        }

        var report = new StringBuilder();
        report.AppendLine($"Prometheus {version}; corpus entries: {corpus.Count}, unique expressions: {unique.Count}");
        report.AppendLine($"agree accept: {agreeAccept}, agree reject: {agreeReject}, printer equal: {printerEqual}/{agreeAccept}");
        report.AppendLine($"agreed rejections with the same first message: {messageEqual}/{agreeReject}, same line:column: {positionEqual}/{agreeReject}");
        report.AppendLine($"allowed differences (newer than 2.42, accepted by us): {allowed.Count}");
        foreach (var a in allowed) { report.AppendLine("  " + a); }
        report.AppendLine($"rejected by both although the source does not mark them failing (newer syntax or run-time failures): {rejectedButValidUpstream.Count}");
        foreach (var r in rejectedButValidUpstream) { report.AppendLine("  " + r); }
        report.AppendLine("error messages that differ (informational):");
        foreach (var d in messageDiffs) { report.AppendLine("  " + d); }
        report.AppendLine($"disagreements: {disagreements.Count}");
        foreach (var d in disagreements) { report.AppendLine(d); }
        output.WriteLine(report.ToString());
        var dump = Environment.GetEnvironmentVariable("TC_PROMQL_CONFORMANCE_REPORT");
        if (!string.IsNullOrEmpty(dump)) { await File.WriteAllTextAsync(dump, report.ToString()); }

        Assert.True(unique.Count > 1000, $"corpus unexpectedly small: {unique.Count}");
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} disagreements with Prometheus 2.42:\n" + string.Join('\n', disagreements.Take(40)));
    }
}
