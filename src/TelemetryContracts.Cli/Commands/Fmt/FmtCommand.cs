using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using TelemetryContracts.Cli.Output;
using TelemetryContracts.Lint;

namespace TelemetryContracts.Cli.Commands.Fmt;

/// <summary>Formats expressions; exit 0 when all parse, 1 when one does not, 2 on usage errors.</summary>
public sealed class FmtCommand(ParseResult parse, IReporter? reporter = null, TextReader? stdin = null)
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly IReporter reporter = reporter ?? ConsoleReporter.Instance;

    /// <summary>Formats one expression in the given language.</summary>
    public static FmtOutcome Format(string lang, string expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return new FmtOutcome(false, null, 0, "empty expression");
        }

        if (lang == "logql")
        {
            var r = LogQL.Parser.Parse(expression);
            if (r.Success)
            {
                return new FmtOutcome(true, LogQL.Printer.Print(r.Root!), 0, null);
            }

            var e = r.Errors.FirstOrDefault();
            return new FmtOutcome(false, null, e?.Range.Start ?? 0, e?.Message ?? "no expression");
        }

        var p = PromQL.PromQLFormatter.Format(expression);
        return p.Ok ? new FmtOutcome(true, p.Formatted, 0, null) : new FmtOutcome(false, null, p.Error?.Offset ?? 0, p.Error?.Message ?? "parse error");
    }

    /// <summary>Runs the command.</summary>
    public int Execute()
    {
        var lang = parse.GetValue(FmtCommandDefinition.Lang) ?? "promql";
        var expression = parse.GetValue(FmtCommandDefinition.Expression);
        var file = parse.GetValue(FmtCommandDefinition.File);
        var format = parse.GetValue(CommonOptions.Format);
        if ((expression is null) == (file is null))
        {
            reporter.Error.WriteLine("error: give either an expression or --file, not both and not neither.");
            return ExitCodes.UsageError;
        }

        IReadOnlyList<string> lines;
        if (file is not null)
        {
            try
            {
                lines = file == "-" ? ReadAll(stdin ?? Console.In) : System.IO.File.ReadAllLines(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                reporter.Error.WriteLine($"error: cannot read '{file}': {e.Message}");
                return ExitCodes.UsageError;
            }
        }
        else
        {
            lines = new[] { expression! };
        }

        var outcomes = lines.Select(l => Format(lang, l)).ToList();
        if (format == OutputFormat.Json)
        {
            WriteJson(outcomes, asArray: file is not null);
        }
        else
        {
            for (var i = 0; i < outcomes.Count; i++)
            {
                var o = outcomes[i];
                if (o.Ok)
                {
                    reporter.Output.WriteLine(o.Formatted);
                }
                else
                {
                    var where = file is null ? "" : $"{file}:{i + 1}: ";
                    reporter.Output.WriteLine($"{where}error at offset {o.Offset}: {o.Message}");
                    reporter.Output.WriteLine("    " + LintQuery.Caret(lines[i], o.Offset).Replace("\n", "\n    ", StringComparison.Ordinal));
                }
            }
        }

        return outcomes.All(o => o.Ok) ? ExitCodes.Clean : ExitCodes.Findings;
    }

    private static List<string> ReadAll(TextReader reader)
    {
        var list = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            list.Add(line);
        }

        return list;
    }

    private void WriteJson(IReadOnlyList<FmtOutcome> outcomes, bool asArray)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonOptions))
        {
            if (asArray)
            {
                w.WriteStartArray();
            }

            foreach (var o in outcomes)
            {
                w.WriteStartObject();
                w.WriteBoolean("ok", o.Ok);
                if (o.Formatted is null)
                {
                    w.WriteNull("formatted");
                }
                else
                {
                    w.WriteString("formatted", o.Formatted);
                }

                if (o.Ok)
                {
                    w.WriteNull("error");
                }
                else
                {
                    w.WriteStartObject("error");
                    w.WriteNumber("offset", o.Offset);
                    w.WriteString("message", o.Message);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            if (asArray)
            {
                w.WriteEndArray();
            }
        }

        reporter.Output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
