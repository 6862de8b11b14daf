using System.Text.Encodings.Web;
using System.Text.Json;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Cli.Output;

/// <summary>Renders findings in the format chosen with <c>--format</c>. The JSON shape is versioned (<see cref="SchemaVersion"/>).</summary>
public static class FindingsRenderer
{
    /// <summary>The version of the JSON output's shape; bumped on any breaking change.</summary>
    public const int SchemaVersion = 1;

    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="findings"/> about <paramref name="inputs"/> to <paramref name="writer"/>.</summary>
    public static void Render(OutputFormat format, string tool, IReadOnlyList<string> inputs, IReadOnlyList<Finding> findings, TextWriter writer)
    {
        switch (format)
        {
            case OutputFormat.Json:
                RenderJson(tool, inputs, findings, writer);
                break;
            default:
                RenderText(inputs, findings, writer);
                break;
        }
    }

    private static void RenderText(IReadOnlyList<string> inputs, IReadOnlyList<Finding> findings, TextWriter writer)
    {
        foreach (var f in findings)
        {
            writer.WriteLine(f.ToString());
            if (f.Location.File is not null && f.Location.Path is { } path)
            {
                writer.WriteLine("    at: " + path);
            }

            if (f.Evidence is { Length: > 0 } evidence)
            {
                writer.WriteLine("    evidence: " + evidence.Replace("\n", "\n              "));
            }

            if (f.Hint.Length > 0)
            {
                writer.WriteLine("    hint: " + f.Hint);
            }

            writer.WriteLine($"    docs: {RuleCatalog.Find(f.Id)?.DocPath ?? "docs/rules/" + f.Id + ".md"}");
        }

        var errors = findings.Count(f => f.Severity == Severity.Error);
        var warnings = findings.Count(f => f.Severity == Severity.Warning);
        var infos = findings.Count - errors - warnings;
        writer.WriteLine($"{inputs.Count} file(s) checked: {errors} error(s), {warnings} warning(s), {infos} info.");
    }

    private static void RenderJson(string tool, IReadOnlyList<string> inputs, IReadOnlyList<Finding> findings, TextWriter writer)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonOptions))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteString("tool", tool);
            w.WriteStartArray("inputs");
            foreach (var i in inputs)
            {
                w.WriteStringValue(i);
            }

            w.WriteEndArray();
            w.WriteStartObject("summary");
            w.WriteNumber("errors", findings.Count(f => f.Severity == Severity.Error));
            w.WriteNumber("warnings", findings.Count(f => f.Severity == Severity.Warning));
            w.WriteNumber("info", findings.Count(f => f.Severity == Severity.Info));
            w.WriteEndObject();
            w.WriteStartArray("findings");
            foreach (var f in findings)
            {
                WriteFinding(w, f);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>One finding as <c>{"id","severity","message","location":{"file","line","column"},"hint"}</c> (plus evidence, docs and path/url when present).</summary>
    public static void WriteFinding(Utf8JsonWriter w, Finding f)
    {
        w.WriteStartObject();
        w.WriteString("id", f.Id);
        w.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
        w.WriteString("message", f.Message);
        w.WriteStartObject("location");
        if (f.Location.File is { } file)
        {
            w.WriteString("file", file);
            w.WriteNumber("line", f.Location.Line);
            w.WriteNumber("column", f.Location.Column);
            if (f.Location.Span is { } span)
            {
                w.WriteNumber("endLine", span.End.Line);
                w.WriteNumber("endColumn", span.End.Column);
            }
        }

        if (f.Location.Path is { } path)
        {
            w.WriteString("path", path);
        }

        if (f.Location.Url is { } url)
        {
            w.WriteString("url", url);
        }

        w.WriteEndObject();
        w.WriteString("hint", f.Hint);
        if (f.Evidence is { } evidence)
        {
            w.WriteString("evidence", evidence);
        }

        w.WriteString("docs", RuleCatalog.Find(f.Id)?.DocPath ?? "docs/rules/" + f.Id + ".md");
        w.WriteEndObject();
    }
}
