namespace TelemetryContracts.Diagnostics;

/// <summary>
/// Where a finding points. A contract finding has a file and a span; a dashboard finding adds the
/// panel and target path (and, for a query, the offset inside the expression); a live check names the URL.
/// </summary>
public sealed record FindingLocation
{
    /// <summary>The file the finding is about, as the user named it (relative paths stay relative).</summary>
    public string? File { get; init; }

    /// <summary>The text span in <see cref="File"/>; null when the finding is not about text.</summary>
    public SourceSpan? Span { get; init; }

    /// <summary>A path inside a structured document, e.g. <c>panels[3].targets[A]</c> or <c>metrics.http_requests_total.buckets</c>.</summary>
    public string? Path { get; init; }

    /// <summary>The URL of a live endpoint the finding is about (never with credentials in it).</summary>
    public string? Url { get; init; }

    /// <summary>A location in a text file.</summary>
    public static FindingLocation InFile(string file, SourceSpan span, string? path = null) => new() { File = file, Span = span, Path = path };

    /// <summary>A location at a URL.</summary>
    public static FindingLocation AtUrl(string url) => new() { Url = url };

    /// <summary>One-based line, or 0 when there is none.</summary>
    public int Line => Span?.Start.Line ?? 0;

    /// <summary>One-based column, or 0 when there is none.</summary>
    public int Column => Span?.Start.Column ?? 0;

    /// <summary>The conventional <c>file:line:column</c> form (or URL / path when there is no file).</summary>
    public override string ToString()
    {
        if (File is not null)
        {
            return Span is { } s ? $"{File}:{s.Start.Line}:{s.Start.Column}" : File;
        }

        return Url ?? Path ?? "";
    }
}
