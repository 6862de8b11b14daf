namespace TelemetryContracts.Generator.Model;

/// <summary>
/// Build options and what the compilation references, read once per compilation into a value that stays equal
/// while the user types, so the steps depending on it stay cached.
/// </summary>
internal sealed record GeneratorOptions(
    string Namespace,
    bool HasRuntime,
    bool HasLogging,
    bool HasDependencyInjection,
    bool HasTestKit,
    bool HasTelemetryLogging = false);
