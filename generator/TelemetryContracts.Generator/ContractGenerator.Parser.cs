using System.Globalization;
using System.Threading;
using TelemetryContracts.Contracts;
using TelemetryContracts.Diagnostics;
using TelemetryContracts.Generator.Model;

namespace TelemetryContracts.Generator;

public sealed partial class ContractGenerator
{
    /// <summary>
    /// Contract text → spec and equatable diagnostics. Never throws: whatever the file holds, the result is a
    /// (possibly null) spec plus diagnostics located in the file, because an exception here becomes CS8785 and
    /// hides every finding the user needs.
    /// </summary>
    internal static class Parser
    {
        /// <summary>Above this many label combinations a metric looks series up by label values instead of a dense cell array.</summary>
        public const int MaxDenseCells = 4096;

        public static ContractParseResult Parse(string path, string? text, CancellationToken cancellationToken)
        {
            var diagnostics = new List<DiagnosticInfo>();
            try
            {
                if (text is null)
                {
                    diagnostics.Add(FromRule(RuleCatalog.GeneratorFailed, path, null, FileName(path), "the file could not be read"));
                    return new ContractParseResult(path, null, diagnostics.ToEquatableArray());
                }

                var result = ContractLoader.Parse(path, text);
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var finding in result.Findings)
                {
                    diagnostics.Add(FromFinding(path, finding));
                }

                if (result.HasErrors)
                {
                    var errors = result.Findings.Count(f => f.Severity == Severity.Error);
                    diagnostics.Add(FromRule(RuleCatalog.ContractHasErrors, path, null, FileName(path), errors));
                    return new ContractParseResult(path, null, diagnostics.ToEquatableArray());
                }

                return new ContractParseResult(path, ToSpec(path, result.Contract), diagnostics.ToEquatableArray());
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                // A bug of ours must not become CS8785: report it on the file and generate nothing for it.
                diagnostics.Add(FromRule(RuleCatalog.GeneratorFailed, path, null, FileName(path), ex.GetType().Name + ": " + ex.Message));
                return new ContractParseResult(path, null, diagnostics.ToEquatableArray());
            }
        }

        public static ContractSpec ToSpec(string path, TelemetryContract contract)
        {
            var taken = new HashSet<string>(StringComparer.Ordinal) { "Registry", "Service", "ScrapeJob", "WireValue", "TryParse", "Callbacks", "Equals", "GetHashCode", "ToString", "GetType" };
            var className = Identifiers.Pascal(contract.Service) + "Telemetry";
            taken.Add(className);

            var metricNames = new Dictionary<MetricDefinition, (string Property, string Class)>(ReferenceEqualityComparer.Instance);
            foreach (var m in contract.Metrics)
            {
                var property = Identifiers.Unique(Identifiers.Pascal(m.Name), taken);
                var cls = Identifiers.Unique(property + "Metric", taken);
                metricNames[m] = (property, cls);
            }

            var usedLabels = new HashSet<string>(contract.Metrics.SelectMany(m => m.Labels), StringComparer.Ordinal);
            foreach (var log in contract.Logs)
            {
                foreach (var l in log.Labels)
                {
                    if (l.LabelRef is not null)
                    {
                        usedLabels.Add(l.LabelRef);
                    }
                }

                foreach (var f in log.Fields)
                {
                    if (f.LabelRef is not null)
                    {
                        usedLabels.Add(f.LabelRef);
                    }
                }
            }

            var labels = new List<LabelSpec>();
            foreach (var label in contract.Labels.Where(l => usedLabels.Contains(l.Name)))
            {
                labels.Add(ToLabel(label, taken));
            }

            var metrics = contract.Metrics
                .Select(m => ToMetric(m, metricNames[m].Property, metricNames[m].Class, contract))
                .ToEquatableArray();

            var logs = new List<LogStreamSpec>();
            foreach (var log in contract.Logs)
            {
                var property = Identifiers.Unique(Identifiers.Pascal(log.Name) + "Log", taken);
                var cls = Identifiers.Unique(property + "ger", taken);
                logs.Add(ToLogStream(log, property, cls));
            }

            return new ContractSpec(
                FileName(path),
                contract.Service,
                className,
                contract.Description,
                contract.Job,
                labels.ToEquatableArray(),
                metrics,
                logs.ToEquatableArray());
        }

        private static LabelSpec ToLabel(LabelDefinition label, HashSet<string> taken)
        {
            // Generated methods also take "value"/"delta" and keep locals prefixed "__", so only these can clash.
            var parameter = Identifiers.Unique(Identifiers.Camel(label.Name), new HashSet<string>(StringComparer.Ordinal) { "value", "delta", "message", "exception" });
            if (label.Type == LabelType.Bool)
            {
                return new LabelSpec(label.Name, LabelKind.Bool, parameter, null, EquatableArray<EnumMemberSpec>.Empty, label.Description);
            }

            if (label.Values is { } values)
            {
                var enumName = Identifiers.Unique(Identifiers.Pascal(label.Name), taken);
                var members = new HashSet<string>(StringComparer.Ordinal);
                var specs = values.Select(v => new EnumMemberSpec(Identifiers.Unique(Identifiers.Pascal(v), members), v)).ToEquatableArray();
                return new LabelSpec(label.Name, LabelKind.Enum, parameter, enumName, specs, label.Description);
            }

            var kind = label.Type == LabelType.Int ? LabelKind.Int : LabelKind.String;
            return new LabelSpec(label.Name, kind, parameter, null, EquatableArray<EnumMemberSpec>.Empty, label.Description);
        }

        private static MetricSpec ToMetric(MetricDefinition m, string property, string cls, TelemetryContract contract)
        {
            var kind = m.Type switch
            {
                MetricType.Counter => MetricKind.Counter,
                MetricType.Gauge => MetricKind.Gauge,
                MetricType.UpDownCounter => MetricKind.UpDownCounter,
                _ => MetricKind.Histogram,
            };
            var buckets = kind == MetricKind.Histogram ? (m.Buckets ?? Array.Empty<double>()).ToEquatableArray() : EquatableArray<double>.Empty;
            return new MetricSpec(
                m.Name,
                m.FullName,
                property,
                cls,
                kind,
                m.ValueType == MetricValueType.Double,
                m.Help,
                m.Unit ?? "",
                m.Labels.ToEquatableArray(),
                buckets,
                m.Deprecated,
                PromQl(m, kind, contract));
        }

        /// <summary>The query a dashboard panel uses for the metric, quoted in the XML docs so users see what reads their numbers.</summary>
        private static string PromQl(MetricDefinition m, MetricKind kind, TelemetryContract contract)
        {
            var selector = m.FullName + "{job=\"" + contract.Job + "\"}";
            return kind switch
            {
                MetricKind.Counter => "sum(rate(" + selector + "[$__rate_interval]))",
                MetricKind.Histogram => "histogram_quantile(0.95, sum by (le) (rate(" + m.FullName + "_bucket{job=\"" + contract.Job + "\"}[$__rate_interval])))",
                _ => "sum(" + selector + ")",
            };
        }

        private static LogStreamSpec ToLogStream(LogStreamDefinition log, string property, string cls)
        {
            var methods = new HashSet<string>(StringComparer.Ordinal) { "Log", "Equals", "GetHashCode", "ToString", "GetType", "Logger", "Shape", "CategoryName" };
            var levels = log.Levels
                .Select(l => new LogLevelSpec(l, Identifiers.Unique(Identifiers.Pascal(l.ToLowerInvariant()), methods), MapLevel(l)))
                .ToEquatableArray();
            var parameters = new HashSet<string>(StringComparer.Ordinal) { "message", "exception" };
            var fields = log.Fields
                .Select(f => new LogFieldSpec(f.Name, Identifiers.Unique(Identifiers.Camel(f.Name), parameters), f.LabelRef))
                .ToEquatableArray();
            var streamLabels = log.Labels
                .Select(l => new StreamLabelSpec(l.Name, l.FixedValue, l.LabelRef, CarriesLevel: l.LabelRef is not null && l.Name == log.LevelField))
                .ToEquatableArray();
            return new LogStreamSpec(log.Name, cls, property, log.Description, streamLabels, levels, log.LevelField, log.MessageField, fields);
        }

        /// <summary>Maps the level spellings services use onto Microsoft.Extensions.Logging levels.</summary>
        public static string MapLevel(string level) => level.ToLowerInvariant() switch
        {
            "trace" or "verbose" => "Trace",
            "debug" => "Debug",
            "info" or "information" or "notice" => "Information",
            "warn" or "warning" => "Warning",
            "error" or "err" => "Error",
            "fatal" or "critical" or "crit" or "panic" or "emergency" or "alert" => "Critical",
            _ => "Information",
        };

        public static DiagnosticInfo FromFinding(string path, Finding finding)
        {
            var rule = RuleCatalog.Find(finding.Id);
            var message = finding.Hint.Length > 0 ? finding.Message + " " + finding.Hint : finding.Message;
            return Located(finding.Id, finding.Severity, rule?.Title ?? finding.Id, message, rule?.Category ?? "Contract", path, finding.Location.Span);
        }

        public static DiagnosticInfo FromRule(Rule rule, string path, SourceSpan? span, params object?[] args) =>
            Located(rule.Id, rule.DefaultSeverity, rule.Title, rule.Format(args), rule.Category, path, span);

        private static DiagnosticInfo Located(string id, Severity severity, string title, string message, string category, string path, SourceSpan? span)
        {
            var s = span ?? SourceSpan.FileStart;
            var start = Math.Max(0, s.Start.Offset);
            var end = Math.Max(start, s.End.Offset);
            var startLine = Math.Max(0, s.Start.Line - 1);
            var startColumn = Math.Max(0, s.Start.Column - 1);
            var endLine = Math.Max(startLine, s.End.Line - 1);
            var endColumn = endLine == startLine ? Math.Max(startColumn, s.End.Column - 1) : Math.Max(0, s.End.Column - 1);
            return new DiagnosticInfo(id, severity, title, message, category, path, start, end - start, startLine, startColumn, endLine, endColumn);
        }

        private static string FileName(string path)
        {
            var i = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return i < 0 ? path : path.Substring(i + 1);
        }
    }

    private sealed class ReferenceEqualityComparer : IEqualityComparer<MetricDefinition>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(MetricDefinition? x, MetricDefinition? y) => ReferenceEquals(x, y);

        public int GetHashCode(MetricDefinition obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
