namespace TelemetryContracts.Generator;

/// <summary>
/// Names of the tracked pipeline steps. Tests find them by reflection and assert each stays Cached/Unchanged
/// after an unrelated edit, so a new step is covered without editing the tests.
/// </summary>
internal static class TrackingNames
{
    public const string ContractFiles = nameof(ContractFiles);
    public const string Options = nameof(Options);
    public const string ParsedContracts = nameof(ParsedContracts);
    public const string ContractSpecs = nameof(ContractSpecs);
    public const string ContractDiagnostics = nameof(ContractDiagnostics);
    public const string EmitInputs = nameof(EmitInputs);
    public const string ClassNames = nameof(ClassNames);
}
