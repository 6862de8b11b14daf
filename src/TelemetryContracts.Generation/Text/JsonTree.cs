using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TelemetryContracts.Generation.Text;

/// <summary>
/// A small JSON document model written with <see cref="Utf8JsonWriter"/>: objects keep their keys sorted
/// ordinally (as jsonnet/grafonnet output does), so the bytes depend only on the content, never on the order in
/// which an emitter happened to add properties.
/// </summary>
internal sealed class JsonTree
{
    private readonly SortedDictionary<string, object?> properties = new(StringComparer.Ordinal);

    public JsonTree Set(string key, object? value)
    {
        properties[key] = value;
        return this;
    }

    public JsonTree SetIf(bool condition, string key, object? value) => condition ? Set(key, value) : this;

    public static string Write(JsonTree root)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var options = new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 2,
            NewLine = "\n",
            // Queries contain quotes, < and >; the relaxed encoder keeps them readable in diffs (only " and \ are escaped).
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            WriteValue(writer, root);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteNumberValue(d); break;
            case JsonTree tree:
                writer.WriteStartObject();
                foreach (var (k, v) in tree.properties)
                {
                    writer.WritePropertyName(k);
                    WriteValue(writer, v);
                }

                writer.WriteEndObject();
                break;
            case System.Collections.IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException("Unsupported JSON value type " + value.GetType().Name);
        }
    }
}
