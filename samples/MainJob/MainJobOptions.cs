namespace TelemetryContracts.MainJob;

/// <summary>Command-line options of the main job.</summary>
public sealed record MainJobOptions
{
    /// <summary>The repository root (the folder holding Contracts.sln).</summary>
    public string RepoRoot { get; init; } = "";

    /// <summary>Where generated files and reports go (default artifacts/main-job).</summary>
    public string OutputDirectory { get; init; } = "";

    /// <summary>The built sample service.</summary>
    public string SampleDll { get; init; } = "";

    /// <summary>The injected incident.</summary>
    public BreakScenario Break { get; init; }

    /// <summary>The incident's command-line name.</summary>
    public string BreakName { get; init; } = "";

    /// <summary>How long traffic runs.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>An optional Loki to check too.</summary>
    public Uri? LokiUrl { get; init; }

    /// <summary>An optional Grafana to check too.</summary>
    public Uri? GrafanaUrl { get; init; }

    /// <summary>Parses the arguments; prints usage and returns null on bad usage.</summary>
    public static MainJobOptions? Parse(string[] args)
    {
        var root = FindRoot();
        if (root is null)
        {
            Console.Error.WriteLine("error: run the main job from inside the repository (Contracts.sln not found)");
            return null;
        }

        var o = new MainJobOptions { RepoRoot = root, OutputDirectory = Path.Combine(root, "artifacts", "main-job") };
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--break":
                        var name = Next();
                        if (!BreakScenarios.Names.TryGetValue(name, out var b))
                        {
                            Console.Error.WriteLine($"error: unknown --break '{name}'; one of: {string.Join(", ", BreakScenarios.Names.Keys)}");
                            return null;
                        }

                        o = o with { Break = b, BreakName = name };
                        break;
                    case "--out":
                        o = o with { OutputDirectory = Path.GetFullPath(Next()) };
                        break;
                    case "--duration":
                        o = o with { Duration = TimeSpan.FromSeconds(int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture)) };
                        break;
                    case "--loki-url":
                        o = o with { LokiUrl = new Uri(Next()) };
                        break;
                    case "--grafana-url":
                        o = o with { GrafanaUrl = new Uri(Next()) };
                        break;
                    case "-h":
                    case "--help":
                        Console.WriteLine("usage: main-job [--break wrong-port|no-token|unresolvable-host|missing-metric|renamed-label] [--out DIR] [--duration SECONDS] [--loki-url URL] [--grafana-url URL]");
                        return null;
                    default:
                        Console.Error.WriteLine($"error: unknown argument '{args[i]}' (see --help)");
                        return null;
                }
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or UriFormatException or OverflowException)
            {
                Console.Error.WriteLine("error: " + ex.Message);
                return null;
            }
        }

        var dll = new[] { "Release", "Debug" }
            .Select(c => Path.Combine(root, "samples", "ScaniumBackend", "bin", c, "net10.0", "ScaniumBackend.dll"))
            .Where(File.Exists).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
        if (dll is null)
        {
            Console.Error.WriteLine("error: the sample service is not built (dotnet build samples/ScaniumBackend -c Release)");
            return null;
        }

        return o with { SampleDll = dll };
    }

    private static string? FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "Contracts.sln")))
                {
                    return d.FullName;
                }
            }
        }

        return null;
    }
}
