using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Contracts.Validation;

/// <summary>Service, namespace and metric names: validity, <c>_total</c>, unit suffixes, doubled suffixes, uniqueness, renames.</summary>
internal static class NamingRules
{
    public static void Check(ValidationContext ctx)
    {
        var c = ctx.Contract;
        if (c.Service.Length > 0 && ServiceNameProblem(c.Service) is { } sp)
        {
            ctx.Report(RuleCatalog.InvalidServiceName, c.SpanOf("service"), "service", "service", c.Service, sp);
        }

        if (c.Namespace.Length > 0 && PrometheusNames.MetricNameProblem(c.Namespace) is { } np)
        {
            ctx.Report(RuleCatalog.InvalidServiceName, c.SpanOf("namespace"), "namespace", "namespace", c.Namespace, np);
        }

        var declaresSections = c.Node is Loading.MappingNode root && (root.Find("metrics") is not null || root.Find("logs") is not null);
        if (c.Metrics.Count == 0 && c.Logs.Count == 0 && c.Service.Length > 0 && !declaresSections)
        {
            ctx.Report(RuleCatalog.EmptyContract, c.SpanOf("service"), null, c.Service);
        }

        var exported = new Dictionary<string, MetricDefinition>(StringComparer.Ordinal);
        foreach (var m in c.Metrics)
        {
            var path = "metrics." + m.Name;
            if (PrometheusNames.MetricNameProblem(m.Name) is { } problem)
            {
                ctx.Report(RuleCatalog.InvalidMetricName, m.Span, path, m.Name, problem);
                continue;
            }

            if (c.Namespace.Length > 0 && m.Name.StartsWith(c.Namespace + "_", StringComparison.Ordinal))
            {
                ctx.Report(RuleCatalog.DoubledNamespace, m.Span, path, m.Name, c.Namespace, m.FullName, m.Name.Substring(c.Namespace.Length + 1));
            }

            CheckSuffixes(ctx, m, path);
            foreach (var series in m.SeriesNames)
            {
                if (exported.TryGetValue(series, out var other))
                {
                    ctx.Report(RuleCatalog.DuplicateExportedName, m.Span, path, series, m.Name, other.Name);
                }
                else
                {
                    exported[series] = m;
                }
            }
        }

        foreach (var m in c.Metrics.Where(m => m.RenamedFrom is not null))
        {
            var path = "metrics." + m.Name + ".renamed_from";
            var old = m.RenamedFrom!;
            if (old == m.FullName || old == m.Name)
            {
                ctx.Report(RuleCatalog.InvalidRename, m.SpanOf("renamed_from"), path, m.Name, old, "which is its own name");
            }
            else if (exported.TryGetValue(old, out var other))
            {
                ctx.Report(RuleCatalog.InvalidRename, m.SpanOf("renamed_from"), path, m.Name, old, $"but '{other.Name}' still exports that name");
            }
            else if (PrometheusNames.MetricNameProblem(old) is { } p)
            {
                ctx.Report(RuleCatalog.InvalidRename, m.SpanOf("renamed_from"), path, m.Name, old, "which is not a valid metric name: " + p);
            }
        }
    }

    private static void CheckSuffixes(ValidationContext ctx, MetricDefinition m, string path)
    {
        var name = m.FullName;
        if (name.EndsWith("_total_total", StringComparison.Ordinal))
        {
            ctx.Report(RuleCatalog.DoubledSuffix, m.Span, path, m.Name, "_total", m.Name.Substring(0, m.Name.Length - "_total".Length));
            return;
        }

        if (m.Type == MetricType.Counter && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            ctx.Report(RuleCatalog.CounterWithoutTotal, m.Span, path, m.Name, m.Name + "_total");
        }
        else if (m.Type != MetricType.Counter && name.EndsWith("_total", StringComparison.Ordinal))
        {
            ctx.Report(RuleCatalog.TotalOnNonCounter, m.Span, path, TypeWord(m.Type), m.Name);
        }

        var baseName = m.Type == MetricType.Counter && name.EndsWith("_total", StringComparison.Ordinal) ? name.Substring(0, name.Length - 6) : name;
        foreach (var u in Units.Known.Values)
        {
            var doubled = "_" + u.Suffix + "_" + u.Suffix;
            if (baseName.EndsWith(doubled, StringComparison.Ordinal))
            {
                ctx.Report(RuleCatalog.DoubledSuffix, m.Span, path, m.Name, "_" + u.Suffix, m.Name.Replace(doubled, "_" + u.Suffix));
                return;
            }
        }

        var fromName = Units.FromSuffix(baseName);
        if (m.Unit is { } unit)
        {
            if (!Units.Known.TryGetValue(unit, out var info))
            {
                // A custom unit ("requests", "items") carries no suffix convention to check.
                return;
            }

            if (fromName is { } f && f.Unit.Name == info.Name)
            {
                if (info.BaseUnit is not null || f.Abbreviated)
                {
                    ctx.Report(RuleCatalog.NonBaseUnit, m.SpanOf("unit"), path + ".unit", m.Name,
                        f.Abbreviated ? $"the abbreviation '_{f.Suffix}' for {info.Name}" : info.Name,
                        info.BaseUnit ?? info.Name);
                }

                return;
            }

            var actual = fromName is { } g ? $"ends in '_{g.Suffix}' ({g.Unit.Name})" : $"has no '_{info.Suffix}' suffix";
            ctx.Report(RuleCatalog.UnitSuffixMismatch, m.SpanOf("unit"), path + ".unit", m.Name, unit, actual, info.Suffix);
            return;
        }

        if (fromName is { } n && (n.Unit.BaseUnit is not null || n.Abbreviated))
        {
            ctx.Report(RuleCatalog.NonBaseUnit, m.Span, path, m.Name,
                n.Abbreviated ? $"the abbreviation '_{n.Suffix}' for {n.Unit.Name}" : n.Unit.Name, n.Unit.BaseUnit ?? n.Unit.Name);
        }
    }

    private static string? ServiceNameProblem(string service)
    {
        if (service.Length > 63)
        {
            return "it is longer than 63 characters";
        }

        if (!char.IsLetterOrDigit(service[0]) || !char.IsLetterOrDigit(service[service.Length - 1]))
        {
            return "it must start and end with a letter or digit";
        }

        foreach (var ch in service)
        {
            if (!(ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return $"'{ch}' is not allowed (lower-case letters, digits and '-' only)";
            }
        }

        return null;
    }

    internal static string TypeWord(MetricType t) => t switch
    {
        MetricType.Counter => "counter",
        MetricType.Gauge => "gauge",
        MetricType.UpDownCounter => "updown_counter",
        _ => "histogram",
    };
}
