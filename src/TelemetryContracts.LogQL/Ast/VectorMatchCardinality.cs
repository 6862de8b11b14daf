namespace TelemetryContracts.LogQL.Ast;

/// <summary>Cardinality of a vector match.</summary>
public enum VectorMatchCardinality
{
    /// <summary>Default.</summary>
    OneToOne,
    /// <summary><c>group_left</c></summary>
    ManyToOne,
    /// <summary><c>group_right</c></summary>
    OneToMany,
}
