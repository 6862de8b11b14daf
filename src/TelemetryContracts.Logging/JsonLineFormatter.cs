using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace TelemetryContracts.Logging;

/// <summary>
/// Turns a log event into one JSON object per line in the shape log collectors (Alloy, Promtail) map to Loki labels:
/// <c>{"ts":"…","level":"INFO",&lt;stream labels&gt;,"msg":"…",&lt;fields&gt;,"trace_id":"…"}</c>.
/// </summary>
public sealed class JsonLineFormatter
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    private readonly KeyValuePair<string, string>[] staticLabels;
    private readonly bool includeCategory;
    private readonly bool includeScopes;

    /// <summary>Creates a formatter with provider-wide stream labels.</summary>
    public JsonLineFormatter(IEnumerable<KeyValuePair<string, string>> streamLabels, bool includeCategory = true, bool includeScopes = true)
    {
        staticLabels = streamLabels.ToArray();
        this.includeCategory = includeCategory;
        this.includeScopes = includeScopes;
    }

    /// <summary>The level text written for <paramref name="level"/> (what Grafana's level detection understands).</summary>
    public static string LevelText(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        LogLevel.Critical => "FATAL",
        _ => "NONE",
    };

    /// <summary>Formats one event.</summary>
    public LogLine Format<TState>(string category, LogLevel level, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter, IExternalScopeProvider? scopes)
    {
        var timestamp = DateTimeOffset.UtcNow;
        var labels = new List<KeyValuePair<string, string>>(staticLabels);
        var fields = new List<KeyValuePair<string, object?>>();
        if (includeScopes && scopes is not null)
        {
            scopes.ForEachScope(
                static (scope, acc) =>
                {
                    switch (scope)
                    {
                        case StreamLabelsScope s:
                            acc.Labels.AddRange(s.Labels);
                            break;
                        case IEnumerable<KeyValuePair<string, object?>> pairs:
                            foreach (var p in pairs)
                            {
                                if (p.Key != "{OriginalFormat}")
                                {
                                    acc.Fields.Add(p);
                                }
                            }

                            break;
                    }
                },
                (Labels: labels, Fields: fields));
        }

        switch (state)
        {
            case TelemetryLogState t:
                labels.AddRange(t.StreamLabels);
                fields.AddRange(t.Fields);
                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                foreach (var p in pairs)
                {
                    if (p.Key != "{OriginalFormat}")
                    {
                        fields.Add(p);
                    }
                }

                break;
        }

        var merged = Merge(labels);
        var message = formatter(state, exception);
        var w = buffer ??= new ArrayBufferWriter<byte>(512);
        w.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(w, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
        {
            json.WriteStartObject();
            json.WriteString("ts", timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("level", LevelText(level));
            var written = new HashSet<string>(StringComparer.Ordinal) { "ts", "level", "msg" };
            foreach (var label in merged)
            {
                if (written.Add(label.Key))
                {
                    json.WriteString(label.Key, label.Value);
                }
            }

            json.WriteString("msg", message);
            foreach (var field in fields)
            {
                if (written.Add(field.Key))
                {
                    json.WritePropertyName(field.Key);
                    WriteValue(json, field.Value);
                }
            }

            if (Activity.Current is { } activity && activity.TraceId != default)
            {
                if (written.Add("trace_id"))
                {
                    json.WriteString("trace_id", activity.TraceId.ToHexString());
                }

                if (written.Add("span_id"))
                {
                    json.WriteString("span_id", activity.SpanId.ToHexString());
                }
            }

            if (includeCategory && written.Add("logger"))
            {
                json.WriteString("logger", category);
            }

            if (eventId.Id != 0 && written.Add("event_id"))
            {
                json.WriteNumber("event_id", eventId.Id);
            }

            if (exception is not null && written.Add("exception"))
            {
                json.WriteString("exception", exception.ToString());
            }

            json.WriteEndObject();
        }

        return new LogLine(timestamp, level, Encoding.UTF8.GetString(w.WrittenSpan), merged);
    }

    private static KeyValuePair<string, string>[] Merge(List<KeyValuePair<string, string>> labels)
    {
        // Later labels (scope, then event) override provider-wide ones with the same name.
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var l in labels)
        {
            map[l.Key] = l.Value ?? string.Empty;
        }

        return map.ToArray();
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteBooleanValue(b); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case short s: json.WriteNumberValue(s); break;
            case byte b: json.WriteNumberValue(b); break;
            case uint u: json.WriteNumberValue(u); break;
            case ulong u: json.WriteNumberValue(u); break;
            case decimal d: json.WriteNumberValue(d); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            case float f when float.IsFinite(f): json.WriteNumberValue(f); break;
            case DateTimeOffset dto: json.WriteStringValue(dto.ToString("O", CultureInfo.InvariantCulture)); break;
            case DateTime dt: json.WriteStringValue(dt.ToString("O", CultureInfo.InvariantCulture)); break;
            case TimeSpan ts: json.WriteNumberValue(ts.TotalMilliseconds); break;
            case IFormattable f: json.WriteStringValue(f.ToString(null, CultureInfo.InvariantCulture)); break;
            default: json.WriteStringValue(value.ToString()); break;
        }
    }
}
