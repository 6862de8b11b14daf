namespace TelemetryContracts.Dashboards.Model;

/// <summary>
/// A datasource reference as written in the dashboard: a legacy name string (schema &lt; 33), an object
/// <c>{type, uid}</c>, a variable (<c>$datasource</c>, <c>${DS_PROMETHEUS}</c>), the mixed datasource, or
/// nothing (the default datasource), plus what it resolves to.
/// </summary>
/// <param name="Raw">The reference as written (name, uid or variable), null when absent.</param>
/// <param name="Uid">The UID when the reference is an object with a literal uid.</param>
/// <param name="PluginType">The plugin type (<c>prometheus</c>, <c>loki</c>, …) when written or resolved.</param>
/// <param name="Kind">The resolved query language.</param>
/// <param name="Form">How the reference is written.</param>
/// <param name="Variable">The variable name when <paramref name="Form"/> is <see cref="DatasourceRefForm.Variable"/>.</param>
public sealed record DatasourceRef(string? Raw, string? Uid, string? PluginType, DatasourceKind Kind, DatasourceRefForm Form, string? Variable = null)
{
    /// <summary>True when the kind was guessed from a name or the expression rather than read from a type.</summary>
    public bool IsGuessed { get; init; }

    /// <summary>Short description for reports, e.g. <c>uid "prom-main" (prometheus)</c>.</summary>
    public override string ToString() => Form switch
    {
        DatasourceRefForm.Default => $"default datasource ({Kind.ToString().ToLowerInvariant()})",
        DatasourceRefForm.Mixed => "-- Mixed --",
        DatasourceRefForm.Variable => $"variable ${Variable} ({Kind.ToString().ToLowerInvariant()})",
        DatasourceRefForm.Uid => $"uid \"{Uid}\" ({PluginType ?? Kind.ToString().ToLowerInvariant()})",
        _ => $"name \"{Raw}\" ({Kind.ToString().ToLowerInvariant()})",
    };
}
