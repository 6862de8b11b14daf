using System.Diagnostics.Metrics;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using TelemetryContracts.Contracts;
using TelemetryContracts.Runtime;

namespace TelemetryContracts.Generator.Tests;

/// <summary>
/// The generated code of every real contract compiles cleanly and, when exercised, produces exactly the declared
/// instruments — seen both through our Prometheus exposition and through a System.Diagnostics.Metrics listener.
/// </summary>
public sealed class GeneratedCodeTests
{
    [Theory]
    [MemberData(nameof(ContractCorpus.All), MemberType = typeof(ContractCorpus))]
    public void EveryContract_CompilesWithZeroWarnings(string contract)
    {
        var (output, generatorDiagnostics, _) = GeneratorHarness.Run(GeneratorHarness.Compilation(), GeneratorHarness.ContractFile(ContractCorpus.FullPath(contract)));

        Assert.DoesNotContain(generatorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, GeneratorHarness.Describe(problems));
    }

    [Theory]
    [MemberData(nameof(ContractCorpus.All), MemberType = typeof(ContractCorpus))]
    public void EveryContract_ExportsExactlyTheDeclaredInstruments(string contract)
    {
        var path = ContractCorpus.FullPath(contract);
        var model = ContractLoader.LoadFile(path).Contract;
        var (output, _, _) = GeneratorHarness.Run(GeneratorHarness.Compilation(assemblyName: "Run" + Guid.NewGuid().ToString("N")), GeneratorHarness.ContractFile(path));
        var assembly = GeneratorHarness.EmitAndLoad(output);
        var meterName = "GeneratedCodeTests." + Guid.NewGuid().ToString("N");
        using var registry = new MetricRegistry(new MetricRegistryOptions { MeterName = meterName });
        using var seen = new SeenInstruments(meterName);

        var telemetryType = assembly.GetType(GeneratorHarness.Namespace + "." + ContractGenerator.Parser.ToSpec(path, model).ClassName, throwOnError: true)!;
        var telemetry = Activator.CreateInstance(telemetryType, registry)!;
        foreach (var property in telemetryType.GetProperties().Where(p => p.PropertyType.Name.EndsWith("Metric", StringComparison.Ordinal)))
        {
            Exercise(property.GetValue(telemetry)!);
        }

        seen.Collect();
        var exposition = registry.ToExpositionString(ExpositionFormat.PrometheusText);
        var samples = ExpositionSamples(exposition);
        Assert.Equal(model.Metrics.Count, seen.Instruments.Count);
        foreach (var metric in model.Metrics)
        {
            var declared = metric.Labels.ToList();
            if (metric.Type == Contracts.MetricType.Histogram)
            {
                var buckets = samples.Where(s => s.Name == metric.FullName + "_bucket").ToList();
                Assert.NotEmpty(buckets);
                Assert.Equal(declared.Append("le"), buckets[0].Labels.Keys);
                var expected = metric.Buckets!.Select(b => b.ToString("R", CultureInfo.InvariantCulture)).Append("+Inf");
                Assert.Equal(expected, buckets.Select(b => b.Labels["le"]));
                Assert.Contains(samples, s => s.Name == metric.FullName + "_sum");
                Assert.Contains(samples, s => s.Name == metric.FullName + "_count");
            }
            else
            {
                var sample = Assert.Single(samples, s => s.Name == metric.FullName);
                Assert.Equal(declared, sample.Labels.Keys);
            }

            // Our runtime names a counter's instrument without _total, as OpenTelemetry does; its Prometheus
            // exporters append _total, so the exported name is the contract's either way.
            var instrumentName = metric.Type == Contracts.MetricType.Counter && metric.FullName.EndsWith("_total", StringComparison.Ordinal)
                ? metric.FullName[..^"_total".Length]
                : metric.FullName;
            Assert.True(seen.Instruments.TryGetValue(instrumentName, out var instrument), $"No instrument '{instrumentName}' among {string.Join(", ", seen.Instruments.Keys)}");
            Assert.Equal(declared, instrument!.TagKeys);
            if (metric.Type == Contracts.MetricType.Histogram)
            {
                Assert.Equal(metric.Buckets, ((Histogram<double>)instrument.Instrument).Advice!.HistogramBucketBoundaries);
            }
        }
    }

    /// <summary>Calls the metric's first operation with the first value of every label.</summary>
    private static void Exercise(object metric)
    {
        var method = metric.GetType().GetMethods().First(m => m.Name is "Inc" or "Observe");
        var args = method.GetParameters().Select(p => SampleValue(p.ParameterType)).ToArray();
        method.Invoke(metric, args);
    }

    private static object SampleValue(Type type) =>
        type.IsEnum ? Enum.GetValues(type).GetValue(0)!
        : type == typeof(bool) ? true
        : type == typeof(int) ? 200
        : type == typeof(double) ? 1.5
        : "sample";

    private static List<Sample> ExpositionSamples(string exposition)
    {
        var samples = new List<Sample>();
        foreach (var line in exposition.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var brace = line.IndexOf('{');
            var space = line.LastIndexOf(' ');
            var name = brace < 0 ? line[..space] : line[..brace];
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (brace >= 0)
            {
                var body = line[(brace + 1)..line.LastIndexOf('}')];
                foreach (var pair in body.Split("\",", StringSplitOptions.RemoveEmptyEntries))
                {
                    var eq = pair.IndexOf('=');
                    labels[pair[..eq]] = pair[(eq + 2)..].TrimEnd('"');
                }
            }

            samples.Add(new Sample(name, labels));
        }

        return samples;
    }

    private sealed record Sample(string Name, Dictionary<string, string> Labels);

    private sealed record SeenInstrument(Instrument Instrument)
    {
        public List<string> TagKeys { get; set; } = [];
    }

    /// <summary>A MeterListener on one meter, recording each instrument and the tag keys of its measurements.</summary>
    private sealed class SeenInstruments : IDisposable
    {
        private readonly MeterListener listener = new();

        public SeenInstruments(string meterName)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == meterName)
                {
                    lock (Instruments)
                    {
                        Instruments[instrument.Name] = new SeenInstrument(instrument);
                    }

                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((i, _, tags, _) => Record(i, tags));
            listener.SetMeasurementEventCallback<double>((i, _, tags, _) => Record(i, tags));
            listener.Start();
        }

        public Dictionary<string, SeenInstrument> Instruments { get; } = new(StringComparer.Ordinal);

        public void Collect() => listener.RecordObservableInstruments();

        public void Dispose() => listener.Dispose();

        private void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var keys = new List<string>();
            foreach (var tag in tags)
            {
                keys.Add(tag.Key);
            }

            lock (Instruments)
            {
                Instruments[instrument.Name].TagKeys = keys;
            }
        }
    }
}
