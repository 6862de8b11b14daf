namespace TelemetryContracts.PromQL;

/// <summary>The core of the <c>fmt</c> verb: canonical PromQL text as Prometheus's <c>/api/v1/format_query</c> gives it.</summary>
public static class PromQLFormatter
{
    /// <summary>Parses <paramref name="expression"/> and returns its canonical form, or the first error with its position.</summary>
    public static FormatResult Format(string expression)
    {
        var result = PromQLParser.Parse(expression ?? string.Empty);
        if (result.Expr is { } e) { return new FormatResult(true, Printer.Pretty(e), null); }
        var err = result.Errors[0];
        var (line, col) = err.Position.LineColumn(result.Input);
        return new FormatResult(false, null, new FormatError(err.Position.Start, line, col, err.Message));
    }
}
