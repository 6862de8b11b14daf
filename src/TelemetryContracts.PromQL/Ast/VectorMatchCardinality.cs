namespace TelemetryContracts.PromQL.Ast;

/// <summary>How series on each side of a binary operator pair up.</summary>
public enum VectorMatchCardinality
{
    /// <summary>One to one (default).</summary>
    OneToOne,
    /// <summary><c>group_left</c></summary>
    ManyToOne,
    /// <summary><c>group_right</c></summary>
    OneToMany,
    /// <summary>Set operators.</summary>
    ManyToMany,
}
