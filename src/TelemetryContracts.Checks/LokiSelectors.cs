using TelemetryContracts.Contracts;

namespace TelemetryContracts.Checks;

/// <summary>The LogQL stream selector of a declared log stream: fixed values exactly, label references by their closed set or any value.</summary>
public static class LokiSelectors
{
    /// <summary>E.g. <c>{source="scanium-backend", env=~"dev|staging|prod"}</c>.</summary>
    public static string For(TelemetryContract contract, LogStreamDefinition stream)
    {
        var matchers = new List<string>();
        foreach (var label in stream.Labels)
        {
            if (label.FixedValue is { } v)
            {
                matchers.Add($"{label.Name}=\"{TsdbSnapshot.Escape(v)}\"");
            }
            else if (label.LabelRef is { } r && contract.FindLabel(r) is { IsClosed: true } def)
            {
                matchers.Add($"{label.Name}=~\"{TsdbSnapshot.Escape(string.Join("|", def.ClosedValues.Select(System.Text.RegularExpressions.Regex.Escape)))}\"");
            }
            else
            {
                matchers.Add($"{label.Name}=~\".+\"");
            }
        }

        return "{" + string.Join(", ", matchers) + "}";
    }
}
