namespace TelemetryContracts.LogQL.Ast;

/// <summary>The <c>on/ignoring (...) group_left/group_right (...)</c> modifier of a binary operation.</summary>
/// <param name="On">True for <c>on</c>, false for <c>ignoring</c> or none.</param>
/// <param name="MatchingLabels">Labels in on/ignoring; null when none were given.</param>
/// <param name="Cardinality">group_left/group_right.</param>
/// <param name="Include">Labels after group_left/group_right; null when none were given.</param>
public sealed record VectorMatching(bool On, IReadOnlyList<string>? MatchingLabels, VectorMatchCardinality Cardinality, IReadOnlyList<string>? Include);
