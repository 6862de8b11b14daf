using System.Text;
using System.Text.RegularExpressions;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Contracts.Tests;

/// <summary>The annotated test contracts beside these tests: <c>contracts/invalid</c> (each says what it must report) and <c>contracts/valid</c> (near misses, each says which rules it passes).</summary>
internal static class ContractCorpus
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "TelemetryContracts.Contracts.Tests", "contracts");

    public static IEnumerable<string> Files(string kind) => Directory.EnumerateFiles(Path.Combine(Folder, kind))
        .Where(ContractLoader.IsContractFile)
        .OrderBy(f => f, StringComparer.Ordinal);

    public static TheoryData<string> Names(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var f in Files(kind))
        {
            data.Add(Path.GetFileName(f));
        }

        return data;
    }

    /// <summary>The annotation's words: from a <c># expect:</c>/<c># passes:</c> comment, or a sidecar file (JSON has no comments).</summary>
    public static string[] Annotation(string file, string keyword, string sidecarExtension)
    {
        if (File.Exists(file + sidecarExtension))
        {
            return File.ReadAllText(file + sidecarExtension).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        }

        var bytes = File.ReadAllBytes(file);
        var text = bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE ? Encoding.Unicode.GetString(bytes) : Encoding.Latin1.GetString(bytes);
        var m = Regex.Match(text, "# " + keyword + @": ([^\r\n]*)");
        return m.Success ? m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) : Array.Empty<string>();
    }
}
