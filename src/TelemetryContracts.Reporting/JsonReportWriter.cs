using System.Text.Encodings.Web;
using System.Text.Json;

namespace TelemetryContracts.Reporting;

/// <summary>The machine-readable form of a <see cref="PipelineReport"/>; <c>schemaVersion</c> changes on any breaking change.</summary>
public static class JsonReportWriter
{
    /// <summary>The version of the JSON shape.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The report as indented JSON.</summary>
    public static string Render(PipelineReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteString("service", report.Service);
            w.WriteString("contract", report.ContractFile);
            w.WriteString("generatedAt", report.GeneratedAt.ToUniversalTime());
            w.WriteBoolean("holds", report.Holds);
            if (report.FirstBrokenLink is { } b)
            {
                w.WriteString("firstBrokenLink", b);
            }

            Stages(w, "metricsPipeline", report.MetricsPipeline);
            Stages(w, "logsPipeline", report.LogsPipeline);
            w.WriteStartArray("metrics");
            foreach (var m in report.Metrics)
            {
                w.WriteStartObject();
                w.WriteString("name", m.Name);
                w.WriteString("type", m.Type);
                w.WriteStartArray("labels");
                foreach (var l in m.Labels)
                {
                    w.WriteStringValue(l);
                }

                w.WriteEndArray();
                w.WriteNumber("series", m.SeriesCount);
                w.WriteString("status", m.Status.ToString());
                w.WriteStartArray("samples");
                foreach (var v in m.Samples)
                {
                    if (double.IsFinite(v))
                    {
                        w.WriteNumberValue(v);
                    }
                }

                w.WriteEndArray();
                if (m.Note is { } n)
                {
                    w.WriteString("note", n);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("panels");
            foreach (var p in report.Panels)
            {
                w.WriteStartObject();
                w.WriteString("dashboard", p.Dashboard);
                w.WriteString("panel", p.Panel);
                w.WriteString("refId", p.RefId);
                w.WriteString("query", p.Query);
                w.WriteString("datasource", p.Datasource);
                w.WriteNumber("series", p.SeriesCount);
                w.WriteString("status", p.Status.ToString());
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("findings");
            foreach (var f in report.Findings)
            {
                w.WriteStartObject();
                w.WriteString("id", f.Id);
                w.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
                w.WriteString("message", f.Message);
                w.WriteString("location", f.Location.ToString());
                w.WriteString("hint", f.Hint);
                if (f.Evidence is { } e)
                {
                    w.WriteString("evidence", e);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("artifacts");
            foreach (var a in report.Artifacts)
            {
                w.WriteStringValue(a);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Stages(Utf8JsonWriter w, string name, IReadOnlyList<PipelineStage> stages)
    {
        w.WriteStartArray(name);
        foreach (var s in stages)
        {
            w.WriteStartObject();
            w.WriteString("id", s.Id);
            w.WriteString("name", s.Name);
            w.WriteString("status", s.Status.ToString());
            w.WriteString("summary", s.Summary);
            if (s.Evidence is { } e)
            {
                w.WriteString("evidence", e);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
