using TelemetryContracts.Contracts.Loading;
using TelemetryContracts.Contracts.Validation;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Contracts;

/// <summary>
/// Reads, binds and validates contracts. The one entry point the CLI, the generator, the build tasks and
/// the test kit share, so a contract means the same everywhere. Never throws on any input.
/// </summary>
public static class ContractLoader
{
    /// <summary>File name endings that mark a contract.</summary>
    public static readonly string[] Extensions = { ".telemetry.yaml", ".telemetry.yml", ".telemetry.json" };

    /// <summary>True when <paramref name="path"/> names a contract file.</summary>
    public static bool IsContractFile(string path) =>
        Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>Loads a file from disk; unreadable files become a TC1039 finding.</summary>
    public static ContractLoadResult LoadFile(string path, ContractLimits? limits = null)
    {
        byte[] bytes;
        try
        {
            limits ??= ContractLimits.Default;
            var info = new FileInfo(path);
            if (info.Exists && info.Length > limits.MaxBytes)
            {
                return Failed(path, RuleCatalog.InputLimitExceeded.At(FindingLocation.InFile(path, SourceSpan.FileStart),
                    $"the file is {info.Length:N0} bytes, more than the {limits.MaxBytes:N0} bytes a contract may have"));
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Failed(path, RuleCatalog.UnreadableFile.At(FindingLocation.InFile(path, SourceSpan.FileStart), ex.Message.TrimEnd('.')));
        }

        return Parse(path, bytes, limits);
    }

    /// <summary>Reads raw bytes (any supported encoding).</summary>
    public static ContractLoadResult Parse(string path, byte[] bytes, ContractLimits? limits = null)
    {
        var findings = new List<Finding>();
        var root = ContractDocumentReader.Read(path, bytes, findings, limits);
        return Finish(path, root, findings);
    }

    /// <summary>Reads decoded text.</summary>
    public static ContractLoadResult Parse(string path, string text, ContractLimits? limits = null)
    {
        var findings = new List<Finding>();
        var root = ContractDocumentReader.Read(path, text, findings, limits);
        return Finish(path, root, findings);
    }

    private static ContractLoadResult Finish(string path, ContractNode? root, List<Finding> findings)
    {
        var readFailed = findings.Any(f => f.Id is "TC1001" or "TC1025" or "TC1026");
        var contract = readFailed && root is null ? new TelemetryContract { FilePath = path } : ContractBinder.Bind(path, root, findings);
        if (!readFailed)
        {
            ContractValidator.Validate(contract, findings);
        }

        return new ContractLoadResult(contract, Order(findings));
    }

    private static ContractLoadResult Failed(string path, Finding finding) =>
        new(new TelemetryContract { FilePath = path }, new[] { finding });

    private static IReadOnlyList<Finding> Order(List<Finding> findings) => findings
        .Distinct()
        .OrderBy(f => f.Location.Line)
        .ThenBy(f => f.Location.Column)
        .ThenBy(f => f.Id, StringComparer.Ordinal)
        .ToList();

    /// <summary>Expands files and folders into contract files (folders: every <c>*.telemetry.*</c> below them), sorted.</summary>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths, ICollection<string>? missing = null)
    {
        var result = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                result.AddRange(Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Where(IsContractFile).OrderBy(f => f, StringComparer.Ordinal));
            }
            else if (File.Exists(p))
            {
                result.Add(p);
            }
            else
            {
                missing?.Add(p);
            }
        }

        return result;
    }
}
