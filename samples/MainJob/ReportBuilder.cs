using System.Text.Json;
using TelemetryContracts.Checks;
using TelemetryContracts.Contracts;
using TelemetryContracts.Diagnostics;
using TelemetryContracts.Reporting;

namespace TelemetryContracts.MainJob;

/// <summary>Turns the doctor's results, the probes and the service's own log lines into the pipeline report.</summary>
public static class ReportBuilder
{
    /// <summary>Builds the report.</summary>
    public static PipelineReport Build(
        TelemetryContract contract,
        string contractFile,
        DoctorReport doctor,
        string serviceSummary,
        IReadOnlyList<MetricRow> metrics,
        IReadOnlyList<PanelRow> panels,
        LogLineSummary logs,
        IReadOnlyList<string> artifacts)
    {
        var promPanels = panels.Where(p => p.Datasource == "prometheus").ToList();
        var panelsFailed = promPanels.Count(p => p.Status == StageStatus.Failed);
        var panelFindings = promPanels.Where(p => p.Status == StageStatus.Failed).Select(p =>
            RuleCatalog.GeneratedPanelNoData.At(new FindingLocation { Path = $"{p.Dashboard} / {p.Panel} / {p.RefId}" }, p.Panel, p.RefId)
                .WithEvidence(p.Query)).ToList();

        var findings = doctor.Findings.Concat(panelFindings).ToList();
        var metricsPipeline = new List<PipelineStage>
        {
            new("service", "Service", StageStatus.Ok, serviceSummary),
            Stage(doctor, "metrics-endpoint", "/metrics", "metrics/"),
            Stage(doctor, "scrape", "Scrape", "prometheus/reachable", "prometheus/scrape-target-health"),
            Stage(doctor, "tsdb", "Prometheus", "prometheus/metric-series"),
            Stage(doctor, "datasource", "Datasource", "grafana/"),
            new("panels", "Panels", promPanels.Count == 0 ? StageStatus.NotChecked : panelsFailed == 0 ? StageStatus.Ok : StageStatus.Failed,
                $"{promPanels.Count - panelsFailed}/{promPanels.Count} Prometheus queries return data",
                panelsFailed == 0 ? null : string.Join("\n", promPanels.Where(p => p.Status == StageStatus.Failed).Take(8).Select(p => $"{p.Panel}: {p.Query}"))),
        };

        var logsPipeline = new List<PipelineStage>
        {
            new("service-logs", "Service logs", logs.Status, logs.Summary, logs.Evidence),
            new("collector", "Collector", StageStatus.NotChecked, "Alloy/Promtail configs generated; no collector runs here"),
            Stage(doctor, "loki", "Loki", "loki/"),
            new("log-panels", "Panels", StageStatus.NotChecked, $"{panels.Count(p => p.Datasource == "loki")} LogQL queries (need Loki)"),
        };

        return new PipelineReport
        {
            Service = contract.Service,
            ContractFile = contractFile,
            GeneratedAt = DateTimeOffset.UtcNow,
            MetricsPipeline = metricsPipeline,
            LogsPipeline = logsPipeline,
            Metrics = metrics,
            Panels = panels,
            Findings = findings,
            Artifacts = artifacts,
            FirstBrokenLink = doctor.FirstBrokenFinding?.Message ?? panelFindings.FirstOrDefault()?.Message,
        };
    }

    private static PipelineStage Stage(DoctorReport doctor, string id, string name, params string[] checkPrefixes)
    {
        var results = doctor.Results.Where(r => checkPrefixes.Any(p => r.Check.Id.StartsWith(p, StringComparison.Ordinal))).ToList();
        if (results.Count == 0 || results.All(r => r.Status is CheckStatus.Skipped or CheckStatus.NotChecked))
        {
            var reason = results.Select(r => r.Reason).FirstOrDefault(r => r is not null) ?? "not checked";
            return new PipelineStage(id, name, StageStatus.NotChecked, reason);
        }

        var failed = results.FirstOrDefault(r => r.Status == CheckStatus.Failed);
        if (failed is not null)
        {
            var f = failed.Findings.First(x => x.Severity == Severity.Error);
            return new PipelineStage(id, name, StageStatus.Failed, f.Message, f.Evidence);
        }

        var passed = results.Count(r => r.Status == CheckStatus.Passed);
        var warnings = results.SelectMany(r => r.Findings).Count(f => f.Severity == Severity.Warning);
        return new PipelineStage(id, name, warnings > 0 ? StageStatus.Warning : StageStatus.Ok,
            $"{passed} check(s) passed" + (warnings > 0 ? $", {warnings} warning(s)" : ""),
            string.Join("\n", results.Where(r => r.Status == CheckStatus.Passed).Select(r => "✔ " + r.Check.Title)));
    }
}

/// <summary>What the service's own JSON log lines show: do they carry the declared stream labels?</summary>
public sealed record LogLineSummary(StageStatus Status, string Summary, string? Evidence)
{
    /// <summary>Reads the captured stdout of the service and checks each JSON line against the contract's stream labels.</summary>
    public static LogLineSummary FromFile(string path, TelemetryContract contract, string env)
    {
        var stream = contract.Logs.FirstOrDefault();
        if (stream is null || !File.Exists(path))
        {
            return new LogLineSummary(StageStatus.NotChecked, "no log stream declared", null);
        }

        var expected = stream.Labels.ToDictionary(l => l.Name, l => l.FixedValue ?? (l.LabelRef == "env" ? env : null));
        int json = 0, matching = 0;
        string? bad = null, sample = null;
        foreach (var line in File.ReadLines(path))
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                json++;
                var ok = expected.All(e => doc.RootElement.TryGetProperty(e.Key, out var v) && (e.Value is null || v.GetString() == e.Value));
                if (ok)
                {
                    matching++;
                    sample ??= line;
                }
                else
                {
                    bad ??= line;
                }
            }
            catch (JsonException)
            {
            }
        }

        var labels = string.Join(", ", expected.Select(e => $"{e.Key}={e.Value ?? "*"}"));
        if (json == 0)
        {
            return new LogLineSummary(StageStatus.Failed, "no JSON log lines on stdout", null);
        }

        return matching == json
            ? new LogLineSummary(StageStatus.Ok, $"{json} JSON lines, all with {labels}", sample)
            : new LogLineSummary(StageStatus.Failed, $"{json - matching} of {json} JSON lines lack {labels}", bad);
    }
}
