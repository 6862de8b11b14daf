using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.PromQL;

/// <summary>Turns parse errors into TC6001 findings for callers that report through the shared finding vocabulary.</summary>
public static class PromQLFindings
{
    /// <summary>
    /// One finding per error of <paramref name="result"/>. <paramref name="locate"/> maps the error's character
    /// range inside the expression to a location in the caller's file (e.g. inside a dashboard JSON string).
    /// </summary>
    public static IReadOnlyList<Finding> FromErrors(ParseResult result, Func<PositionRange, FindingLocation> locate)
    {
        var findings = new List<Finding>(result.Errors.Count);
        foreach (var e in result.Errors)
        {
            findings.Add(RuleCatalog.PromQLParseError.At(locate(e.Position), e.ToString()).WithEvidence(Caret(result.Input, e.Position)));
        }

        return findings;
    }

    /// <summary>The offending line of the expression with a caret under the error position.</summary>
    public static string Caret(string input, PositionRange position)
    {
        var start = Math.Clamp(position.Start, 0, input.Length);
        var lineStart = input.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        if (start == 0) { lineStart = 0; }
        var lineEnd = input.IndexOf('\n', start);
        if (lineEnd < 0) { lineEnd = input.Length; }
        return input[lineStart..lineEnd] + "\n" + new string(' ', start - lineStart) + "^";
    }
}
