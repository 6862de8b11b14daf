using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Lint;

/// <summary>
/// One lint rule (one per file, as pint does it): it looks at one parsed query and returns findings; it never
/// prints and never throws on odd input.
/// </summary>
public interface ILintRule
{
    /// <summary>The catalogue entry of the rule.</summary>
    Rule Rule { get; }

    /// <summary>The language the rule checks.</summary>
    QueryLanguage Language { get; }

    /// <summary>Checks one query.</summary>
    IEnumerable<Finding> Check(LintQuery query);
}
