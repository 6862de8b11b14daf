using System.Globalization;
using System.Xml;
using TelemetryContracts.Checks;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Cli.Output;

/// <summary>JUnit XML for CI test reports: one test case per check; failed checks carry their findings, skipped and not-checked ones their reason.</summary>
public static class JunitRenderer
{
    /// <summary>Writes the report.</summary>
    public static void Render(DoctorReport report, TextWriter writer)
    {
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = new System.Text.UTF8Encoding(false) };
        using var sw = new StringWriter(CultureInfo.InvariantCulture);
        using (var w = XmlWriter.Create(sw, settings))
        {
            w.WriteStartElement("testsuites");
            w.WriteStartElement("testsuite");
            w.WriteAttributeString("name", $"telemetry-contracts check {report.Service}");
            w.WriteAttributeString("tests", report.Results.Count.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("failures", report.Results.Count(r => r.Status == CheckStatus.Failed).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("errors", "0");
            w.WriteAttributeString("skipped", report.Results.Count(r => r.Status is CheckStatus.Skipped or CheckStatus.NotChecked).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("time", report.Elapsed.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
            foreach (var r in report.Results)
            {
                w.WriteStartElement("testcase");
                w.WriteAttributeString("classname", "telemetry-contracts." + r.Check.Backend);
                w.WriteAttributeString("name", r.Check.Id + ": " + r.Check.Title);
                w.WriteAttributeString("time", r.Elapsed.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
                if (r.Status == CheckStatus.Failed)
                {
                    var errors = r.Findings.Where(f => f.Severity == Severity.Error).ToList();
                    w.WriteStartElement("failure");
                    w.WriteAttributeString("type", errors[0].Id);
                    w.WriteAttributeString("message", errors[0].Message);
                    w.WriteString(Clean(string.Join("\n\n", r.Findings.Select(Describe))));
                    w.WriteEndElement();
                }
                else if (r.Status is CheckStatus.Skipped or CheckStatus.NotChecked)
                {
                    w.WriteStartElement("skipped");
                    w.WriteAttributeString("message", (r.Status == CheckStatus.NotChecked ? "not checked: " : "skipped: ") + r.Reason);
                    w.WriteEndElement();
                }
                else if (r.Findings.Count > 0)
                {
                    w.WriteElementString("system-out", Clean(string.Join("\n\n", r.Findings.Select(Describe))));
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        }

        writer.WriteLine(sw.ToString());
    }

    private static string Describe(Finding f) =>
        $"{f}\nevidence: {f.Evidence}\nfix: {f.Hint}\ndocs: docs/rules/{f.Id}.md";

    // XML 1.0 cannot carry most control characters; evidence from a garbage answer may hold them.
    private static string Clean(string s) => new(s.Where(c => c is '\n' or '\r' or '\t' || !char.IsControl(c) && !char.IsSurrogate(c)).ToArray());
}
