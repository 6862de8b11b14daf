using System.Reflection;

namespace TelemetryContracts.Diagnostics;

/// <summary>
/// The single catalogue of rules. IDs are allocated in blocks per component, each block in its own
/// partial file: TC1xxx contract model, TC2xxx generator and analyzers, TC3xxx runtime,
/// TC4xxx build-time generation, TC5xxx live checks, TC6xxx dashboard lint. A retired ID is never reused.
/// </summary>
public static partial class RuleCatalog
{
    private static IReadOnlyList<Rule>? all;

    /// <summary>Every rule, ordered by ID.</summary>
    public static IReadOnlyList<Rule> All => all ??= typeof(RuleCatalog)
        .GetProperties(BindingFlags.Public | BindingFlags.Static)
        .Where(p => p.PropertyType == typeof(Rule))
        .Select(p => (Rule)p.GetValue(null)!)
        .OrderBy(r => r.Id, StringComparer.Ordinal)
        .ToList();

    /// <summary>Finds a rule by ID.</summary>
    public static Rule? Find(string id) => All.FirstOrDefault(r => r.Id == id);

    private static Rule Define(string id, Severity severity, string category, string title, string messageFormat, string hint) =>
        new(id, severity, category, title, messageFormat, hint);
}
