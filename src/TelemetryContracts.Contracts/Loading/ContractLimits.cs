namespace TelemetryContracts.Contracts.Loading;

/// <summary>
/// Bounds that keep hostile input (huge files, deep nesting, alias-expansion bombs) from costing more
/// than a small, fixed amount of time and memory. A real contract is a few kilobytes deep by a handful of levels.
/// </summary>
public sealed record ContractLimits
{
    /// <summary>The defaults: 4 MiB, 64 levels, 200,000 nodes after alias expansion.</summary>
    public static ContractLimits Default { get; } = new();

    /// <summary>Largest file read, in bytes.</summary>
    public int MaxBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Deepest nesting of maps and lists.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most nodes the document may hold once every alias is counted as a copy of its anchor.</summary>
    public int MaxNodes { get; init; } = 200_000;
}
