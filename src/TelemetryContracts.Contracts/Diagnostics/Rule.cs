namespace TelemetryContracts.Diagnostics;

/// <summary>
/// One rule of the catalogue: a stable ID (never reused), its default severity, a short title and the
/// message format. Rules are created only in <see cref="RuleCatalog"/>.
/// </summary>
public sealed class Rule
{
    internal Rule(string id, Severity severity, string category, string title, string messageFormat, string hint)
    {
        Id = id;
        DefaultSeverity = severity;
        Category = category;
        Title = title;
        MessageFormat = messageFormat;
        Hint = hint;
    }

    /// <summary>The stable identifier, <c>TC</c> followed by four digits.</summary>
    public string Id { get; }

    /// <summary>The severity a finding of this rule has unless configured otherwise.</summary>
    public Severity DefaultSeverity { get; }

    /// <summary>The component that reports it: Contract, Generator, Runtime, Generation, Check, Lint.</summary>
    public string Category { get; }

    /// <summary>A few words naming the problem.</summary>
    public string Title { get; }

    /// <summary>The message, with <c>{0}</c>-style placeholders, formatted under the invariant culture.</summary>
    public string MessageFormat { get; }

    /// <summary>The default next action for the user.</summary>
    public string Hint { get; }

    /// <summary>The documentation page, relative to the repository root.</summary>
    public string DocPath => $"docs/rules/{Id}.md";

    /// <summary>Formats the message for the given arguments.</summary>
    public string Format(params object?[] args) =>
        args.Length == 0 ? MessageFormat : string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args);

    /// <summary>Creates a finding of this rule.</summary>
    public Finding At(FindingLocation location, params object?[] args) =>
        new(Id, DefaultSeverity, Format(args), location, FormatHint(args));

    /// <summary>The hint for the given message arguments (hints may name the same placeholders as the message).</summary>
    public string FormatHint(params object?[] args) =>
        args.Length == 0 || Hint.IndexOf('{') < 0 ? Hint : string.Format(System.Globalization.CultureInfo.InvariantCulture, Hint, args);

    /// <inheritdoc />
    public override string ToString() => Id;
}
