using System.Globalization;

namespace TelemetryContracts.Dashboards.Json;

/// <summary>
/// A JSON value that remembers where it starts in the file. <see cref="System.Text.Json.JsonDocument"/> drops
/// offsets, and a lint finding that cannot say which line of a 5,000-line dashboard it means is not actionable.
/// </summary>
public sealed class PositionedJson
{
    private static readonly IReadOnlyList<KeyValuePair<string, PositionedJson>> NoProperties = Array.Empty<KeyValuePair<string, PositionedJson>>();
    private static readonly IReadOnlyList<PositionedJson> NoItems = Array.Empty<PositionedJson>();

    internal PositionedJson(JsonNodeKind kind, int offset, string? text = null, bool escaped = false)
    {
        Kind = kind;
        Offset = offset;
        Text = text;
        IsEscaped = escaped;
    }

    /// <summary>The node kind.</summary>
    public JsonNodeKind Kind { get; }

    /// <summary>Byte offset of the first character of the value (the opening quote of a string) in the UTF-8 file.</summary>
    public int Offset { get; }

    /// <summary>The string value, the number's source text, or <c>true</c>/<c>false</c>; null for objects, arrays and null.</summary>
    public string? Text { get; }

    /// <summary>Whether the string token contained escape sequences (then offsets inside it do not map 1:1 to the file).</summary>
    public bool IsEscaped { get; }

    /// <summary>Object members in source order (duplicates kept; <see cref="Get"/> returns the last, as JSON.parse does).</summary>
    public IReadOnlyList<KeyValuePair<string, PositionedJson>> Properties { get; internal set; } = NoProperties;

    /// <summary>Array items.</summary>
    public IReadOnlyList<PositionedJson> Items { get; internal set; } = NoItems;

    /// <summary>True for a JSON object.</summary>
    public bool IsObject => Kind == JsonNodeKind.Object;

    /// <summary>True for a JSON array.</summary>
    public bool IsArray => Kind == JsonNodeKind.Array;

    /// <summary>The member named <paramref name="name"/>, or null (also when this is not an object).</summary>
    public PositionedJson? Get(string name)
    {
        for (var i = Properties.Count - 1; i >= 0; i--)
        {
            if (string.Equals(Properties[i].Key, name, StringComparison.Ordinal))
            {
                return Properties[i].Value;
            }
        }

        return null;
    }

    /// <summary>The member as a string: strings as-is, numbers and booleans as their text, anything else null.</summary>
    public string? GetString(string name) => Get(name) is { Kind: JsonNodeKind.String or JsonNodeKind.Number or JsonNodeKind.Bool } v ? v.Text : null;

    /// <summary>The member as an integer when it is a number (or a numeric string, as some old dashboards store ids).</summary>
    public int? GetInt(string name)
    {
        var v = Get(name);
        if (v is null || v.Text is null || v.Kind is not (JsonNodeKind.Number or JsonNodeKind.String))
        {
            return null;
        }

        if (int.TryParse(v.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
        {
            return i;
        }

        return double.TryParse(v.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d is >= int.MinValue and <= int.MaxValue
            ? (int)d
            : null;
    }

    /// <summary>The member as a boolean (JSON booleans, and the strings "true"/"false" some exporters write).</summary>
    public bool? GetBool(string name) => Get(name) switch
    {
        { Kind: JsonNodeKind.Bool, Text: "true" } => true,
        { Kind: JsonNodeKind.Bool } => false,
        { Kind: JsonNodeKind.String, Text: var t } when string.Equals(t, "true", StringComparison.OrdinalIgnoreCase) => true,
        { Kind: JsonNodeKind.String, Text: var t } when string.Equals(t, "false", StringComparison.OrdinalIgnoreCase) => false,
        _ => null,
    };

    /// <summary>The member's items when it is an array, else an empty list.</summary>
    public IReadOnlyList<PositionedJson> GetArray(string name) => Get(name) is { Kind: JsonNodeKind.Array } a ? a.Items : NoItems;

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        JsonNodeKind.Object => "{…}",
        JsonNodeKind.Array => "[…]",
        JsonNodeKind.Null => "null",
        _ => Text ?? "",
    };
}
