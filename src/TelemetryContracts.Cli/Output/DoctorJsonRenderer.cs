using System.Text.Encodings.Web;
using System.Text.Json;
using TelemetryContracts.Checks;

namespace TelemetryContracts.Cli.Output;

/// <summary>The doctor's report as versioned JSON: every check with status and findings (the shared finding shape), and the first broken link.</summary>
public static class DoctorJsonRenderer
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the report.</summary>
    public static void Render(DoctorReport report, TextWriter writer)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", FindingsRenderer.SchemaVersion);
            w.WriteString("tool", "check");
            w.WriteString("contract", report.ContractFile);
            w.WriteString("service", report.Service);
            w.WriteString("summary", report.Summary);
            w.WritePropertyName("firstBrokenLink");
            if (report.FirstBroken is { } broken && report.FirstBrokenFinding is { } f)
            {
                w.WriteStartObject();
                w.WriteString("check", broken.Check.Id);
                w.WritePropertyName("finding");
                FindingsRenderer.WriteFinding(w, f);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNullValue();
            }

            w.WriteStartArray("checks");
            foreach (var r in report.Results)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Check.Id);
                w.WriteString("title", r.Check.Title);
                w.WriteString("backend", r.Check.Backend.ToString());
                w.WriteString("status", r.Status switch { CheckStatus.NotChecked => "not-checked", var s => s.ToString().ToLowerInvariant() });
                if (r.Reason is { } reason)
                {
                    w.WriteString("reason", reason);
                }

                w.WriteNumber("elapsedMs", Math.Round(r.Elapsed.TotalMilliseconds));
                w.WriteStartArray("findings");
                foreach (var finding in r.Findings)
                {
                    FindingsRenderer.WriteFinding(w, finding);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
