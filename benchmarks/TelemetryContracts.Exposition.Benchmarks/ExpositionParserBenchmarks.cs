using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace TelemetryContracts.Exposition.Benchmarks;

/// <summary>
/// Parser throughput on the largest valid corpus file (node_exporter's e2e output) and on a synthetic exposition of
/// 100k series shaped like a busy HTTP service. Goal: at least 200 MB/s (see the MB/s column).
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class ExpositionParserBenchmarks
{
    private readonly ExpositionParser parser = new(new ExpositionParserOptions { MaxBytes = 1L << 30 });
    private byte[] corpus = [];
    private byte[] synthetic = [];
    private byte[] syntheticOpenMetrics = [];

    /// <summary>Loads the corpus file and builds the synthetic expositions.</summary>
    [GlobalSetup]
    public void Setup()
    {
        corpus = File.ReadAllBytes(Path.Combine(FindShared(), "corpus", "exposition", "valid", "node_exporter__e2e-output.txt"));
        synthetic = Synthetic(openMetrics: false);
        syntheticOpenMetrics = Synthetic(openMetrics: true);
        Sizes["NodeExporterCorpusFile"] = corpus.Length;
        Sizes["Synthetic100kSeriesText"] = synthetic.Length;
        Sizes["Synthetic100kSeriesOpenMetrics"] = syntheticOpenMetrics.Length;
        foreach (var (bytes, format) in new[] { (corpus, ExpositionFormat.PrometheusText), (synthetic, ExpositionFormat.PrometheusText), (syntheticOpenMetrics, ExpositionFormat.OpenMetrics) })
        {
            var r = parser.Parse(bytes, format);
            if (!r.Success)
            {
                throw new InvalidOperationException(r.Error!.ToString());
            }
        }
    }

    /// <summary>node_exporter e2e output, 377 KB, text format.</summary>
    [Benchmark]
    public int NodeExporterCorpusFile() => parser.Parse(corpus, ExpositionFormat.PrometheusText).Lines;

    /// <summary>100k series, text format, read through a stream like an HTTP body.</summary>
    [Benchmark]
    public int Synthetic100kSeriesText()
    {
        using var stream = new MemoryStream(synthetic, writable: false);
        return parser.ParseAsync(stream, ExpositionFormat.PrometheusText).AsTask().GetAwaiter().GetResult().Lines;
    }

    /// <summary>The same 100k series as OpenMetrics (histogram bucket checks included).</summary>
    [Benchmark]
    public int Synthetic100kSeriesOpenMetrics() => parser.Parse(syntheticOpenMetrics, ExpositionFormat.OpenMetrics).Lines;

    internal static readonly Dictionary<string, long> Sizes = new();

    private static byte[] Synthetic(bool openMetrics)
    {
        var sb = new StringBuilder();
        string[] methods = ["GET", "POST", "PUT", "DELETE"];
        // OpenMetrics names the counter family without its _total suffix.
        var counterFamily = openMetrics ? "http_requests" : "http_requests_total";
        sb.Append("# HELP ").Append(counterFamily).Append(" HTTP requests handled.\n# TYPE ").Append(counterFamily).Append(" counter\n");
        for (var i = 0; i < 60_000; i++)
        {
            sb.Append("http_requests_total{method=\"").Append(methods[i % 4]).Append("\",route=\"/api/v1/items/").Append(i % 500)
                .Append("\",status_code=\"").Append(200 + (i % 5)).Append("\",instance=\"host-").Append(i / 500).Append("\"} ")
                .Append(i * 7).Append('\n');
        }

        sb.Append("# HELP http_request_duration_seconds Request latency.\n# TYPE http_request_duration_seconds histogram\n");
        string[] bounds = ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "+Inf"];
        for (var g = 0; g < 3_000; g++)
        {
            var labels = $"method=\"{methods[g % 4]}\",route=\"/api/v1/items/{g % 500}\",instance=\"host-{g / 500}\"";
            for (var b = 0; b < bounds.Length; b++)
            {
                sb.Append("http_request_duration_seconds_bucket{").Append(labels).Append(",le=\"").Append(bounds[b]).Append("\"} ").Append(b * 3).Append('\n');
            }

            sb.Append("http_request_duration_seconds_sum{").Append(labels).Append("} 12.5\n");
            sb.Append("http_request_duration_seconds_count{").Append(labels).Append("} ").Append((bounds.Length - 1) * 3).Append('\n');
        }

        sb.Append("# HELP process_open_fds Open file descriptors.\n# TYPE process_open_fds gauge\n");
        for (var i = 0; i < 4_000; i++)
        {
            sb.Append("process_open_fds{pod=\"pod-").Append(i).Append("\"} ").Append(i % 1000).Append(".5\n");
        }

        if (openMetrics)
        {
            sb.Append("# EOF\n");
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "corpus")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/corpus not found above " + AppContext.BaseDirectory);
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // Short, in-process runs: the build machine is shared by several engineers.
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
            AddColumn(new ThroughputColumn());
        }
    }

    /// <summary>Input megabytes (10^6 bytes) parsed per second of mean time.</summary>
    private sealed class ThroughputColumn : IColumn
    {
        public string Id => nameof(ThroughputColumn);

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Input megabytes (10^6 bytes) parsed per second";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var report = summary[benchmarkCase];
            var name = benchmarkCase.Descriptor.WorkloadMethod.Name;
            if (report?.ResultStatistics is null || !Sizes.TryGetValue(name, out var size))
            {
                return "?";
            }

            return (size / 1e6 / (report.ResultStatistics.Mean / 1e9)).ToString("F0", System.Globalization.CultureInfo.InvariantCulture);
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
