namespace TelemetryContracts.Lint;

/// <summary>What a lint run looked at; the corpus test asserts on these counts.</summary>
public sealed class LintStatistics
{
    /// <summary>Dashboards read.</summary>
    public int Dashboards { get; internal set; }

    /// <summary>Panels (rows excluded, repeat clones excluded).</summary>
    public int Panels { get; internal set; }

    /// <summary>Targets, annotation queries and variable queries with an expression.</summary>
    public int Queries { get; internal set; }

    /// <summary>PromQL expressions checked.</summary>
    public int PromQL { get; internal set; }

    /// <summary>PromQL expressions that parsed after template expansion.</summary>
    public int PromQLParsed { get; internal set; }

    /// <summary>LogQL expressions checked.</summary>
    public int LogQL { get; internal set; }

    /// <summary>LogQL expressions that parsed after template expansion.</summary>
    public int LogQLParsed { get; internal set; }

    /// <summary>Targets of other datasources (not checked).</summary>
    public int Unchecked { get; internal set; }

    /// <summary>Adds another run's counts.</summary>
    public void Add(LintStatistics other)
    {
        Dashboards += other.Dashboards;
        Panels += other.Panels;
        Queries += other.Queries;
        PromQL += other.PromQL;
        PromQLParsed += other.PromQLParsed;
        LogQL += other.LogQL;
        LogQLParsed += other.LogQLParsed;
        Unchecked += other.Unchecked;
    }
}
