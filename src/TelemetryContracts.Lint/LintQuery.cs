using TelemetryContracts.Dashboards.Model;
using TelemetryContracts.Diagnostics;
using TelemetryContracts.Lint.Index;
using ExpansionResult = TelemetryContracts.Grafana.Templating.ExpansionResult;

namespace TelemetryContracts.Lint;

/// <summary>
/// One parsed query of a dashboard (a panel target, an annotation or a variable definition) handed to every rule,
/// with the helpers that turn an offset in the expanded query into a located finding.
/// </summary>
public sealed class LintQuery
{
    internal LintQuery(Dashboard dashboard, string path, QueryLanguage language, ExpansionResult expanded, SourcePosition position, bool escaped, ContractIndex contracts)
    {
        Dashboard = dashboard;
        Path = path;
        Language = language;
        Expanded = expanded;
        Position = position;
        IsEscaped = escaped;
        Contracts = contracts;
    }

    /// <summary>The dashboard.</summary>
    public Dashboard Dashboard { get; }

    /// <summary>Where the query sits, e.g. <c>panels[3] #12 "Errors" target A</c>.</summary>
    public string Path { get; }

    /// <summary>PromQL or LogQL.</summary>
    public QueryLanguage Language { get; }

    /// <summary>The query before and after template expansion.</summary>
    public ExpansionResult Expanded { get; }

    /// <summary>The parsed PromQL expression (when <see cref="Language"/> is PromQL and it parsed).</summary>
    public PromQL.Ast.Expr? PromQL { get; internal init; }

    /// <summary>The parsed LogQL expression (when <see cref="Language"/> is LogQL and it parsed).</summary>
    public LogQL.Ast.Expr? LogQL { get; internal init; }

    /// <summary>The contracts.</summary>
    public ContractIndex Contracts { get; }

    private SourcePosition Position { get; }

    private bool IsEscaped { get; }

    /// <summary>Offset of the parsed text inside <see cref="Expanded"/> (non-zero for the selector inside <c>label_values(...)</c>).</summary>
    public int BaseOffset { get; internal init; }

    /// <summary>True when the range (offsets of the parsed text) came from a variable whose value the dashboard does not fix.</summary>
    public bool IsTemplated(int start, int end) => Expanded.IsUnfixed(BaseOffset + start, BaseOffset + end);

    /// <summary>
    /// The options of a custom variable when the range (offsets of the parsed text) is exactly one reference to it:
    /// its values are fixed by the dashboard, so each can be checked against a closed set.
    /// </summary>
    public IReadOnlyList<string>? CustomVariableOptions(int start, int end, string value)
    {
        var s = Expanded.ReferenceIn(BaseOffset + start, BaseOffset + end);
        if (s is null || Expanded.Text[s.ExpandedStart..s.ExpandedEnd] != value)
        {
            return null;
        }

        var v = Dashboard.Variables.FirstOrDefault(x => x.Name == s.Name);
        if (v is not { Type: "custom" })
        {
            return null;
        }

        var options = v.Options.Where(o => o.Length > 0 && o is not ("$__all" or "All")).ToList();
        if (options.Count == 0 && v.Query is { } q)
        {
            options = q.Split(',').Select(o => o.Trim()).Where(o => o.Length > 0).ToList();
        }

        return options.Any(o => o.Contains('$', StringComparison.Ordinal)) ? null : options;
    }

    /// <summary>A finding of <paramref name="rule"/> at an offset of the parsed text.</summary>
    public Finding Report(Rule rule, int expandedOffset, params object?[] args)
    {
        var offset = Expanded.MapToOriginal(BaseOffset + expandedOffset);
        return rule.At(Locate(Dashboard.FilePath, Position, IsEscaped, Expanded.Original, offset, Path), args)
            .WithEvidence(Caret(Expanded.Original, offset, Expanded.Original == Expanded.Text ? null : Expanded.Text));
    }

    /// <summary>The file location of an offset inside a JSON string that starts at <paramref name="stringStart"/>.</summary>
    internal static FindingLocation Locate(string file, SourcePosition stringStart, bool escaped, string text, int offset, string path)
    {
        // Without escapes, the character at offset sits offset+1 columns after the opening quote on the same line.
        var start = escaped || text.AsSpan(0, Math.Min(offset, text.Length)).IndexOfAny('\n', '\r') >= 0
            ? stringStart
            : new SourcePosition(stringStart.Line, stringStart.Column + 1 + offset, stringStart.Offset + 1 + offset);
        return FindingLocation.InFile(file, new SourceSpan(start, start), path);
    }

    /// <summary>The line of <paramref name="text"/> holding <paramref name="offset"/>, with a caret under it.</summary>
    public static string Caret(string text, int offset, string? expanded = null)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var lineStart = text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        if (offset == 0)
        {
            lineStart = 0;
        }

        var lineEnd = text.IndexOf('\n', offset);
        var line = text[lineStart..(lineEnd < 0 ? text.Length : lineEnd)].TrimEnd('\r');
        var column = offset - lineStart;
        var caretPad = new string(line.Take(column).Select(c => c == '\t' ? '\t' : ' ').ToArray());
        var result = line + "\n" + caretPad + "^";
        return expanded is null ? result : result + "\n(expanded: " + expanded.ReplaceLineEndings(" ") + ")";
    }
}
