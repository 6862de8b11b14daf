namespace TelemetryContracts.LogQL.Ast;

/// <summary>A label filter expression (the part after the pipe in <c>| status &gt;= 500</c>).</summary>
public abstract record LabelFilter(PositionRange Range) : Node(Range)
{
    /// <summary>Label names this filter reads, in source order.</summary>
    public IEnumerable<string> ReferencedLabels() => DescendantsAndSelf().Select(n => n switch
    {
        StringLabelFilter s => s.Matcher.Name,
        NumericLabelFilter n1 => n1.Label,
        DurationLabelFilter d => d.Label,
        BytesLabelFilter b => b.Label,
        IpLabelFilter ip => ip.Label,
        _ => null,
    }).OfType<string>();
}
