namespace TelemetryContracts.Generator.Model;

/// <summary>One value of a closed label set: the C# member name and the wire value exactly as declared.</summary>
internal sealed record EnumMemberSpec(string MemberName, string WireValue);
