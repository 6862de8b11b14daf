using System.CommandLine;
using TelemetryContracts.Cli.Output;
using TelemetryContracts.Contracts;
using TelemetryContracts.Diagnostics;
using TelemetryContracts.Generation;

namespace TelemetryContracts.Cli.Commands.Generate;

/// <summary>
/// Generates every artefact from contracts. A contract with errors is refused (its findings are rendered, exit 1)
/// and nothing is written: a half-generated set would drift just like hand-written files. Exit 2 when no contract
/// is readable or the output cannot be written.
/// </summary>
public sealed class GenerateCommand(ParseResult parse, IReporter? reporter = null)
{
    private readonly IReporter reporter = reporter ?? ConsoleReporter.Instance;

    /// <summary>Runs the verb and returns the exit code.</summary>
    public int Execute()
    {
        var paths = parse.GetValue(GenerateCommandDefinition.Paths) ?? Array.Empty<string>();
        var output = parse.GetValue(GenerateCommandDefinition.Out)!;
        var format = parse.GetValue(CommonOptions.Format);
        if (ContractInputs.Resolve(paths, reporter) is not { } files)
        {
            return ExitCodes.UsageError;
        }

        var contracts = new List<TelemetryContract>();
        var findings = new List<Finding>();
        foreach (var file in files)
        {
            var result = ContractLoader.LoadFile(file);
            findings.AddRange(result.Findings);
            if (result.Contract is { } c)
            {
                contracts.Add(c);
            }
        }

        if (findings.Any(f => f.Severity >= Severity.Error))
        {
            FindingsRenderer.Render(format, "generate", files, findings, reporter.Output);
            reporter.Error.WriteLine("error: contracts with errors are not generated; fix the findings above.");
            return findings.All(f => f.Id == RuleCatalog.UnreadableFile.Id) ? ExitCodes.UsageError : ExitCodes.Findings;
        }

        var defaults = new GenerationOptions();
        var options = defaults with
        {
            PrometheusDatasourceUid = parse.GetValue(GenerateCommandDefinition.PrometheusUid) ?? defaults.PrometheusDatasourceUid,
            LokiDatasourceUid = parse.GetValue(GenerateCommandDefinition.LokiUid) ?? defaults.LokiDatasourceUid,
            GrafanaFolder = parse.GetValue(GenerateCommandDefinition.GrafanaFolder) ?? defaults.GrafanaFolder,
            PrometheusSecretsDirectory = parse.GetValue(GenerateCommandDefinition.SecretsDirectory) ?? defaults.PrometheusSecretsDirectory,
        };

        GenerationResult written;
        try
        {
            written = TelemetryArtifactsGenerator.Write(contracts, options, output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            reporter.Error.WriteLine($"error: cannot write the generated files to '{output}': {e.Message}");
            return ExitCodes.UsageError;
        }

        foreach (var w in findings)
        {
            reporter.Error.WriteLine($"{w.Severity.ToString().ToLowerInvariant()} {w.Id}: {w.Message}");
        }

        if (format == OutputFormat.Json)
        {
            WriteJson(written);
        }
        else
        {
            foreach (var p in written.Written)
            {
                reporter.Output.WriteLine($"wrote     {p}");
            }

            foreach (var p in written.Unchanged)
            {
                reporter.Output.WriteLine($"unchanged {p}");
            }

            reporter.Output.WriteLine($"{contracts.Count} contract(s): {written.Written.Count} file(s) written, {written.Unchanged.Count} unchanged in {output}");
        }

        return ExitCodes.Clean;
    }

    private void WriteJson(GenerationResult result)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", 1);
            w.WriteString("tool", "generate");
            w.WriteStartArray("written");
            foreach (var p in result.Written)
            {
                w.WriteStringValue(p);
            }

            w.WriteEndArray();
            w.WriteStartArray("unchanged");
            foreach (var p in result.Unchanged)
            {
                w.WriteStringValue(p);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        reporter.Output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
