using System.Globalization;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Contracts.Validation;

/// <summary>Label definitions and their use by metrics: names, value sets, types, bounds, references, clashes.</summary>
internal static class LabelRules
{
    public static void Check(ValidationContext ctx)
    {
        var c = ctx.Contract;
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var l in c.Labels)
        {
            var path = "labels." + l.Name;
            if (PrometheusNames.LabelNameProblem(l.Name) is { } problem)
            {
                ctx.Report(RuleCatalog.InvalidLabelName, l.Span, path, l.Name, problem);
            }

            if (l.Values is { } values)
            {
                if (values.Count == 0)
                {
                    ctx.Report(RuleCatalog.EmptyClosedSet, l.SpanOf("values"), path + ".values", l.Name);
                }

                ReportDuplicates(ctx, values, l.SpanOf("values"), (l.Node as Loading.MappingNode)?["values"], path + ".values", $"The label '{l.Name}'");
                for (var i = 0; i < values.Count; i++)
                {
                    if (!FitsType(values[i], l.Type))
                    {
                        ctx.Report(RuleCatalog.ValueTypeMismatch, ItemSpan(l, "values", i), path + ".values", values[i], l.Name, l.Type == LabelType.Int ? "a whole number" : "true or false");
                    }
                }
            }
            else if (l.Type != LabelType.Bool && l.MaxValues is null)
            {
                ctx.Report(RuleCatalog.UnboundedLabel, l.Span, path, l.Name);
            }

            if (l.MaxValues is { } max && max < 1)
            {
                ctx.Report(RuleCatalog.InvalidValue, l.SpanOf("max_values"), path + ".max_values", $"'max_values' of label '{l.Name}'", max, "at least 1", "");
            }
        }

        foreach (var m in c.Metrics)
        {
            var path = "metrics." + m.Name + ".labels";
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < m.Labels.Count; i++)
            {
                var name = m.Labels[i];
                var span = ItemSpan(m, "labels", i);
                used.Add(name);
                if (!seen.Add(name))
                {
                    ctx.Report(RuleCatalog.LabelListedTwice, span, path, m.Name, name);
                    continue;
                }

                if (c.FindLabel(name) is null)
                {
                    ctx.Report(RuleCatalog.UndeclaredLabel, span, path, $"The metric '{m.Name}'", name, Loading.DidYouMean.Suffix(name, c.Labels.Select(x => x.Name)));
                }

                if (name == "le" && m.Type == MetricType.Histogram)
                {
                    ctx.Report(RuleCatalog.ReservedLabelClash, span, path, name, "histogram", m.Name, "bucket bounds");
                }
                else if (name == "quantile")
                {
                    ctx.Report(RuleCatalog.ReservedLabelClash, span, path, name, NamingRules.TypeWord(m.Type), m.Name, "summary quantiles");
                }
                else if (name is "job" or "instance")
                {
                    ctx.Report(RuleCatalog.TargetLabelClash, span, path, name, m.Name);
                }
            }
        }

        foreach (var s in c.Logs)
        {
            foreach (var l in s.Labels)
            {
                if (l.LabelRef is { } r)
                {
                    used.Add(r);
                }
            }

            foreach (var f in s.Fields)
            {
                used.Add(f.LabelRef ?? f.Name);
            }
        }

        foreach (var slo in c.Slos)
        {
            foreach (var e in slo.Errors)
            {
                used.Add(e.Key);
            }
        }

        foreach (var l in c.Labels.Where(l => !used.Contains(l.Name)))
        {
            ctx.Report(RuleCatalog.UnusedLabel, l.Span, "labels." + l.Name, l.Name);
        }
    }

    internal static bool FitsType(string value, LabelType type) => type switch
    {
        LabelType.Int => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        LabelType.Bool => value is "true" or "false",
        _ => true,
    };

    /// <summary>The span of item <paramref name="index"/> of the list under <paramref name="key"/>, falling back to the list.</summary>
    internal static SourceSpan ItemSpan(ModelElement element, string key, int index) =>
        (element.Node as Loading.MappingNode)?[key] is Loading.SequenceNode seq && index < seq.Items.Count ? seq.Items[index].Span : element.SpanOf(key);

    internal static void ReportDuplicates(ValidationContext ctx, IReadOnlyList<string> values, SourceSpan listSpan, Loading.ContractNode? listNode, string path, string owner)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            if (!seen.Add(values[i]))
            {
                var span = listNode is Loading.SequenceNode seq && i < seq.Items.Count ? seq.Items[i].Span : listSpan;
                ctx.Report(RuleCatalog.DuplicateValue, span, path, owner, values[i]);
            }
        }
    }
}
