using TelemetryContracts.Diagnostics;
using TelemetryContracts.Exposition;

namespace TelemetryContracts.Checks;

/// <summary>Metrics served under the contract's namespace that the contract does not declare: the contract has fallen behind the code.</summary>
public sealed class UndeclaredMetricsCheck : ParsedExpositionCheck
{
    /// <summary>The check's ID.</summary>
    public const string CheckId = "metrics/undeclared";

    /// <inheritdoc />
    public override string Id => CheckId;

    /// <inheritdoc />
    public override string Title => "No undeclared metrics under the namespace";

    /// <inheritdoc />
    public override string? NotApplicable(CheckContext context) =>
        context.Contract.Namespace is { Length: > 0 } ? null : "the contract has no namespace, so no name is known to be the service's own";

    /// <inheritdoc />
    protected override IReadOnlyList<Finding> Inspect(CheckContext context, ExpositionParseResult result, Uri url)
    {
        if (context.Contract.Namespace is not { Length: > 0 } ns)
        {
            return None;
        }

        return result.Families
            .Where(f => f.Name.StartsWith(ns + "_", StringComparison.Ordinal) && !ExpositionLookup.IsDeclared(context.Contract, f.Name))
            .Select(f => RuleCatalog.UndeclaredMetric.At(new FindingLocation { Url = url.AbsoluteUri, Path = $"line {f.Line}" }, f.Name, ns)
                .WithEvidence($"line {f.Line}: # TYPE {f.Name} {f.Type.ToString().ToLowerInvariant()}"))
            .ToList();
    }
}
