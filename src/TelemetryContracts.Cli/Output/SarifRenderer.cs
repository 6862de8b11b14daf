using System.Text.Encodings.Web;
using System.Text.Json;
using TelemetryContracts.Checks;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Cli.Output;

/// <summary>
/// SARIF 2.1.0 (OASIS), the format code-scanning services ingest: one rule per TC ID that occurs (with its docs page
/// as helpUri), one result per finding, located at the contract line or, for a live endpoint, at its URL.
/// </summary>
public static class SarifRenderer
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the findings of <paramref name="report"/>.</summary>
    public static void Render(DoctorReport report, TextWriter writer)
    {
        var findings = report.Findings;
        var rules = findings.Select(f => f.Id).Distinct(StringComparer.Ordinal).OrderBy(i => i, StringComparer.Ordinal).ToList();
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();
            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "telemetry-contracts");
            w.WriteString("semanticVersion", typeof(SarifRenderer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            w.WriteStartArray("rules");
            foreach (var id in rules)
            {
                var rule = RuleCatalog.Find(id);
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteString("name", rule?.Title.Replace(" ", "", StringComparison.Ordinal) ?? id);
                w.WriteStartObject("shortDescription");
                w.WriteString("text", rule?.Title ?? id);
                w.WriteEndObject();
                w.WriteString("helpUri", rule?.DocPath ?? $"docs/rules/{id}.md");
                w.WriteStartObject("defaultConfiguration");
                w.WriteString("level", Level(rule?.DefaultSeverity ?? Severity.Error));
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("results");
            foreach (var r in report.Results)
            {
                foreach (var f in r.Findings)
                {
                    w.WriteStartObject();
                    w.WriteString("ruleId", f.Id);
                    w.WriteNumber("ruleIndex", rules.IndexOf(f.Id));
                    w.WriteString("level", Level(f.Severity));
                    w.WriteStartObject("message");
                    w.WriteString("text", f.Message + " " + f.Hint);
                    w.WriteEndObject();
                    w.WriteStartArray("locations");
                    w.WriteStartObject();
                    w.WriteStartObject("physicalLocation");
                    w.WriteStartObject("artifactLocation");
                    w.WriteString("uri", (f.Location.File ?? f.Location.Url ?? report.ContractFile).Replace('\\', '/'));
                    w.WriteEndObject();
                    if (f.Location.File is not null && f.Location.Line > 0)
                    {
                        w.WriteStartObject("region");
                        w.WriteNumber("startLine", f.Location.Line);
                        w.WriteNumber("startColumn", Math.Max(1, f.Location.Column));
                        w.WriteEndObject();
                    }

                    w.WriteEndObject();
                    if (f.Location.Path is { } path)
                    {
                        w.WriteStartArray("logicalLocations");
                        w.WriteStartObject();
                        w.WriteString("fullyQualifiedName", path);
                        w.WriteEndObject();
                        w.WriteEndArray();
                    }

                    w.WriteEndObject();
                    w.WriteEndArray();
                    w.WriteStartObject("properties");
                    w.WriteString("check", r.Check.Id);
                    if (f.Location.Url is { } url)
                    {
                        w.WriteString("url", url);
                    }

                    if (f.Evidence is { } evidence)
                    {
                        w.WriteString("evidence", evidence);
                    }

                    w.WriteBoolean("firstBrokenLink", ReferenceEquals(f, report.FirstBrokenFinding));
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string Level(Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };
}
