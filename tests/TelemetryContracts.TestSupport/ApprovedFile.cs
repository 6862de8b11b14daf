using System.Text;

namespace TelemetryContracts.TestSupport;

/// <summary>
/// Approved-file snapshots (Verify is not available here). The approved text lives beside the test in
/// <c>Snapshots/&lt;Class&gt;.&lt;Method&gt;[.&lt;name&gt;].verified.txt</c>. A mismatch fails with a line diff and
/// writes a <c>.received.txt</c>; new output is accepted only when <c>TC_ACCEPT_SNAPSHOTS=1</c> is set.
/// </summary>
public static class ApprovedFile
{
    /// <summary>Compares <paramref name="actual"/> with the approved file for the calling test.</summary>
    public static void Verify(string actual, string testClass, string testMethod, string? name = null, string extension = "txt", [System.Runtime.CompilerServices.CallerFilePath] string callerFile = "")
    {
        var dir = Path.Combine(Path.GetDirectoryName(SourcePath(callerFile))!, "Snapshots");
        var baseName = name is null ? $"{testClass}.{testMethod}" : $"{testClass}.{testMethod}.{Sanitize(name)}";
        var approvedPath = Path.Combine(dir, baseName + ".verified." + extension);
        var receivedPath = Path.Combine(dir, baseName + ".received." + extension);
        var normalized = Normalize(actual);

        var accept = Environment.GetEnvironmentVariable("TC_ACCEPT_SNAPSHOTS") == "1";
        if (File.Exists(approvedPath))
        {
            var approved = Normalize(File.ReadAllText(approvedPath));
            if (approved == normalized)
            {
                if (File.Exists(receivedPath))
                {
                    File.Delete(receivedPath);
                }

                return;
            }

            if (!accept)
            {
                Directory.CreateDirectory(dir);
                File.WriteAllText(receivedPath, normalized);
                throw new Xunit.Sdk.XunitException(
                    $"Snapshot {baseName} differs from the approved file (set TC_ACCEPT_SNAPSHOTS=1 to accept):\n{LineDiff.Render(approved, normalized)}");
            }
        }
        else if (!accept)
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(receivedPath, normalized);
            throw new Xunit.Sdk.XunitException(
                $"No approved snapshot {approvedPath}; received output written beside it. Review it and set TC_ACCEPT_SNAPSHOTS=1 to accept.");
        }

        Directory.CreateDirectory(dir);
        File.WriteAllText(approvedPath, normalized, new UTF8Encoding(false));
        if (File.Exists(receivedPath))
        {
            File.Delete(receivedPath);
        }
    }

    /// <summary>
    /// The real path of a source file named by <c>[CallerFilePath]</c>. Deterministic CI builds
    /// (<c>ContinuousIntegrationBuild</c>) map the repository root to <c>/_/</c>, so a snapshot beside its
    /// test would otherwise be looked for in a folder that does not exist.
    /// </summary>
    public static string SourcePath(string callerFile)
    {
        var m = System.Text.RegularExpressions.Regex.Match(callerFile, @"^[/\\]_\d*[/\\](?<rest>.*)$");
        return m.Success ? Path.Combine(RepoPaths.Root, m.Groups["rest"].Value) : callerFile;
    }

    /// <summary>Line endings to \n and a single trailing newline, so snapshots compare across platforms.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n").TrimEnd('\n') + "\n";

    private static string Sanitize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            sb.Append(char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        return sb.ToString();
    }
}
