using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Contracts.Validation;

/// <summary>Log streams: stream labels are valid and bounded, levels and fields are unique and declared.</summary>
internal static class LogStreamRules
{
    public static void Check(ValidationContext ctx)
    {
        var c = ctx.Contract;
        foreach (var s in c.Logs)
        {
            var path = "logs." + s.Name;
            if (s.Labels.Count == 0 && s.Node is Loading.MappingNode m && m.Find("stream") is not null)
            {
                ctx.Report(RuleCatalog.MissingRequired, s.SpanOf("stream"), path + ".stream", $"The log stream '{s.Name}'", "stream", " labels (Loki rejects a stream without labels)");
            }

            foreach (var l in s.Labels)
            {
                var lpath = path + ".stream." + l.Name;
                if (PrometheusNames.LabelNameProblem(l.Name) is { } problem)
                {
                    ctx.Report(RuleCatalog.InvalidLabelName, l.Span, lpath, l.Name, problem);
                }

                if (l.LabelRef is { } r)
                {
                    var def = c.FindLabel(r);
                    if (def is null)
                    {
                        ctx.Report(RuleCatalog.UndeclaredLabel, l.Node?.Span ?? l.Span, lpath, $"The stream label '{l.Name}' of log stream '{s.Name}'", r, Loading.DidYouMean.Suffix(r, c.Labels.Select(x => x.Name)));
                    }
                    else if (!def.IsClosed && def.MaxValues is null)
                    {
                        ctx.Report(RuleCatalog.OpenStreamLabel, l.Node?.Span ?? l.Span, lpath, l.Name, s.Name, r);
                    }
                }
                else if (string.IsNullOrEmpty(l.FixedValue))
                {
                    ctx.Report(RuleCatalog.InvalidValue, l.Span, lpath, $"The stream label '{l.Name}'", "", "a non-empty value", "");
                }
            }

            if (s.Levels.Count == 0)
            {
                ctx.Report(RuleCatalog.InvalidValue, s.SpanOf("levels"), path + ".levels", $"'levels' of log stream '{s.Name}'", "[]", "a non-empty list such as [DEBUG, INFO, WARN, ERROR]", "");
            }

            LabelRules.ReportDuplicates(ctx, s.Levels, s.SpanOf("levels"), (s.Node as Loading.MappingNode)?["levels"], path + ".levels", $"The log stream '{s.Name}'");

            var names = new HashSet<string>(StringComparer.Ordinal) { s.LevelField, s.MessageField };
            foreach (var f in s.Fields)
            {
                var fpath = path + ".fields." + f.Name;
                if (!names.Add(f.Name))
                {
                    ctx.Report(RuleCatalog.DuplicateValue, f.Span, fpath, $"The log stream '{s.Name}' (fields, level_field and message_field)", f.Name);
                }

                if (PrometheusNames.LabelNameProblem(f.Name) is { } problem)
                {
                    ctx.Report(RuleCatalog.InvalidLabelName, f.Span, fpath, f.Name, problem + " ('| json' turns fields into labels)");
                }

                if (f.LabelRef is { } r && c.FindLabel(r) is null)
                {
                    ctx.Report(RuleCatalog.UndeclaredLabel, f.SpanOf("label"), fpath + ".label", $"The field '{f.Name}' of log stream '{s.Name}'", r, Loading.DidYouMean.Suffix(r, c.Labels.Select(x => x.Name)));
                }
            }
        }
    }
}
