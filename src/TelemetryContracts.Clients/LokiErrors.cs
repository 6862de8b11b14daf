using System.Text.RegularExpressions;

namespace TelemetryContracts.Clients;

/// <summary>
/// Loki answers errors as one plain-text line (Loki 2.9: 400 <c>text/plain</c>; 2.8 mislabels them JSON). These
/// rules classify the messages recorded from a real Loki 2.9.9 so a check can tell a LogQL typo from a rejected push.
/// </summary>
internal static partial class LokiErrors
{
    [GeneratedRegex(@"^parse error at line (\d+), col (\d+): ", RegexOptions.CultureInvariant)]
    private static partial Regex Position();

    public static ApiError Parse(int status, string body)
    {
        var text = body.Trim();
        string type;
        if (text.StartsWith("parse error", StringComparison.Ordinal))
        {
            type = "parse_error";
        }
        else if (text.StartsWith("could not parse '", StringComparison.Ordinal) || text.StartsWith("invalid ", StringComparison.Ordinal) ||
                 text.Contains("must not be before", StringComparison.Ordinal) || text.Contains("step", StringComparison.Ordinal) && status == 400 && text.Contains("exceed", StringComparison.Ordinal))
        {
            type = "bad_parameter";
        }
        else if (text.Contains("has timestamp too old", StringComparison.Ordinal))
        {
            type = "too_old";
        }
        else if (text.Contains("timestamp too new", StringComparison.Ordinal))
        {
            type = "too_new";
        }
        else if (text.StartsWith("error at least one label pair", StringComparison.Ordinal) || text.Contains("loghttp.PushRequest", StringComparison.Ordinal) ||
                 text.StartsWith("readObjectStart", StringComparison.Ordinal) || text.StartsWith("snappy:", StringComparison.Ordinal))
        {
            type = "bad_push";
        }
        else if (status == 404)
        {
            type = "not_found";
        }
        else if (status == 429)
        {
            type = "rate_limited";
        }
        else if (status == 503)
        {
            type = "not_ready";
        }
        else
        {
            type = "error";
        }

        return WithPosition(type, text);
    }

    /// <summary>Adds the LogQL line and column when the message starts with Loki's <c>parse error at line N, col M:</c>.</summary>
    public static ApiError WithPosition(string type, string message)
    {
        var m = Position().Match(message);
        return m.Success
            ? new ApiError(type == "invalid-query" ? "parse_error" : type, message, int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))
            : new ApiError(type, message);
    }
}
