using System.Diagnostics;
using System.Text;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Exposition.Tests;

/// <summary>
/// Differential test against the real expfmt parser: <c>promtool check metrics</c> (Prometheus 2.42, Debian package)
/// parses its stdin with prometheus/common expfmt and prints "text format parsing error in line N: …". For every
/// text-format input, ours must accept what promtool accepts and reject the rest with the same line and message.
/// </summary>
public class PromtoolAgreementTests
{
    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var dir in new[] { "valid", "invalid" })
        {
            foreach (var f in Directory.GetFiles(Path.Combine(RepoPaths.Corpus, "exposition", dir)).OrderBy(f => f, StringComparer.Ordinal))
            {
                if (CorpusTests.FormatOf(f) == ExpositionFormat.PrometheusText)
                {
                    data.Add(Path.GetFileName(f), File.ReadAllText(f));
                }
            }
        }

        var table = typeof(ExpositionParserEdgeCaseTests).GetMethod(nameof(ExpositionParserEdgeCaseTests.TextFormatError_IsLocated))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>().Select(a => (string)a.GetData(null!).First()[0]);
        var i = 0;
        foreach (var input in table)
        {
            data.Add($"edge-case-{i++}", input);
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Inputs))]
    public void TextFormat_AgreesWithPromtool(string name, string input)
    {
        var promtool = PrometheusServer.Promtool;
        Skip.If(promtool is null, "promtool is not installed and apt-get could not install it");

        var expected = PromtoolParseError(promtool!, input);
        var result = new ExpositionParser().Parse(Encoding.UTF8.GetBytes(input), ExpositionFormat.PrometheusText);

        var actual = result.Error is null ? null : $"text format parsing error in line {result.Error.Line}: {result.Error.Message}";
        Assert.True(expected == actual, $"{name}: promtool says {expected ?? "(parses)"}, we say {actual ?? "(parses)"}");
    }

    private static string? PromtoolParseError(string promtool, string input)
    {
        var psi = new ProcessStartInfo(promtool, "check metrics") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardInput.Write(input);
        p.StandardInput.Close();
        p.WaitForExit(30_000);
        const string marker = "error while linting: ";
        var line = (stdout.Result + "\n" + stderr.Result).Split('\n').FirstOrDefault(l => l.StartsWith(marker, StringComparison.Ordinal));
        return line?[marker.Length..].TrimEnd();
    }
}
