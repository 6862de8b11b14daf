using System.Text;
using System.Text.Json;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Dashboards.Json;

/// <summary>
/// Builds a <see cref="PositionedJson"/> tree with <see cref="Utf8JsonReader"/> (comments and trailing commas
/// allowed, as Grafana's own importer tolerates them). Syntax errors come back as a message with a line and
/// column, never as an exception.
/// </summary>
public static class PositionedJsonParser
{
    /// <summary>Nesting limit; real dashboards stay below 20, a hostile file must not exhaust the stack.</summary>
    public const int MaxDepth = 256;

    /// <summary>Parses <paramref name="utf8"/>; returns the root or null with <paramref name="error"/> set.</summary>
    public static PositionedJson? Parse(ReadOnlySpan<byte> utf8, out string? error, out SourcePosition errorPosition)
    {
        error = null;
        errorPosition = SourcePosition.Start;
        if (utf8.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8 = utf8[3..];
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = MaxDepth,
        });
        try
        {
            if (!reader.Read())
            {
                error = "the file is empty";
                return null;
            }

            var root = ReadValue(ref reader);
            if (reader.Read())
            {
                error = "unexpected content after the end of the JSON document";
                errorPosition = PositionOf(utf8, (int)reader.TokenStartIndex);
                return null;
            }

            return root;
        }
        catch (JsonException e)
        {
            // LineNumber and BytePositionInLine are zero-based; report one-based like every other finding.
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            error = TrimReaderMessage(e.Message);
            errorPosition = new SourcePosition(line, column, (int)Math.Min(reader.BytesConsumed, int.MaxValue));
            return null;
        }
    }

    /// <summary>One-based line and column of a byte offset, counting columns in characters.</summary>
    public static SourcePosition PositionOf(ReadOnlySpan<byte> utf8, int offset)
    {
        offset = Math.Clamp(offset, 0, utf8.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var column = Encoding.UTF8.GetCharCount(utf8[lineStart..offset]) + 1;
        return new SourcePosition(line, column, offset);
    }

    private static string TrimReaderMessage(string message)
    {
        // The reader appends " LineNumber: 3 | BytePositionInLine: 7." which the finding location already says.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    private static PositionedJson ReadValue(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                {
                    var props = new List<KeyValuePair<string, PositionedJson>>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var name = reader.GetString() ?? "";
                        reader.Read();
                        props.Add(new(name, ReadValue(ref reader)));
                    }

                    return new PositionedJson(JsonNodeKind.Object, start) { Properties = props };
                }

            case JsonTokenType.StartArray:
                {
                    var items = new List<PositionedJson>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        items.Add(ReadValue(ref reader));
                    }

                    return new PositionedJson(JsonNodeKind.Array, start) { Items = items };
                }

            case JsonTokenType.String:
                return new PositionedJson(JsonNodeKind.String, start, reader.GetString(), reader.ValueIsEscaped);
            case JsonTokenType.Number:
                return new PositionedJson(JsonNodeKind.Number, start, Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return new PositionedJson(JsonNodeKind.Bool, start, "true");
            case JsonTokenType.False:
                return new PositionedJson(JsonNodeKind.Bool, start, "false");
            default:
                return new PositionedJson(JsonNodeKind.Null, start);
        }
    }
}
