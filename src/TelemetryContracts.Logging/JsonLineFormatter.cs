using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace TelemetryContracts.Logging;

/// <summary>
/// Turns a log event into one JSON object per line in the shape log collectors (Alloy, Promtail) map to Loki labels:
/// <c>{"ts":"…",&lt;level field&gt;:"…",&lt;stream labels&gt;,&lt;message field&gt;:"…",&lt;fields&gt;,"trace_id":"…"}</c>,
/// everything at the top level so a <c>| json</c> stage finds it.
/// </summary>
/// <remarks>
/// An entry written by a generated typed logger (a <see cref="TelemetryLogState"/> carrying its stream's
/// <see cref="LogStreamShape"/>) is written as the contract declares the stream: its stream labels, the level under
/// the declared level field spelled as declared, the message under the declared message field, the declared fields.
/// Every other entry (framework categories, <c>LoggerMessage</c>, <c>LogInformation</c>) gets the provider's
/// <see cref="JsonLinesLoggerOptions.Shape"/> and <see cref="JsonLinesLoggerOptions.StreamLabels"/>.
/// Formatting reuses per-thread buffers: an entry costs its JSON string and, when its label set differs from the
/// thread's previous one, a label array.
/// </remarks>
public sealed class JsonLineFormatter
{
    private const string TimestampKey = "ts";
    private const string OriginalFormat = "{OriginalFormat}";
    private const int KeepBufferBytes = 64 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private static readonly Action<object?, Scratch> CollectScope = static (scope, scratch) => scratch.AddScope(scope);

    [ThreadStatic]
    private static Scratch? threadScratch;

    private readonly KeyValuePair<string, string>[] staticLabels;
    private readonly LogStreamShape shape;
    private readonly bool includeCategory;
    private readonly bool includeScopes;

    /// <summary>Creates a formatter with provider-wide stream labels and the library's shape (<see cref="LogStreamShape.Default"/>).</summary>
    public JsonLineFormatter(IEnumerable<KeyValuePair<string, string>> streamLabels, bool includeCategory = true, bool includeScopes = true)
        : this(streamLabels, LogStreamShape.Default, includeCategory, includeScopes)
    {
    }

    /// <summary>Creates a formatter from the logger's options (stream labels, shape, category and scopes).</summary>
    public JsonLineFormatter(JsonLinesLoggerOptions options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).StreamLabels, options.Shape ?? LogStreamShape.Default, options.IncludeCategory, options.IncludeScopes)
    {
    }

    private JsonLineFormatter(IEnumerable<KeyValuePair<string, string>> streamLabels, LogStreamShape shape, bool includeCategory, bool includeScopes)
    {
        ArgumentNullException.ThrowIfNull(streamLabels);
        var byName = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in streamLabels)
        {
            byName[label.Key] = label.Value ?? string.Empty;
        }

        staticLabels = byName.ToArray();
        this.shape = shape;
        this.includeCategory = includeCategory;
        this.includeScopes = includeScopes;
    }

    /// <summary>The shape of entries that do not bring their own.</summary>
    public LogStreamShape Shape => shape;

    /// <summary>The library's level text for <paramref name="level"/> (what Grafana's level detection understands).</summary>
    public static string LevelText(LogLevel level) => LogStreamShape.Default.LevelText(level);

    /// <summary>Formats one event.</summary>
    public LogLine Format<TState>(string category, LogLevel level, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter, IExternalScopeProvider? scopes)
    {
        ArgumentNullException.ThrowIfNull(formatter);

        // A formatter or a field's ToString() may itself log on this thread: such a nested call gets its own scratch.
        var scratch = threadScratch;
        if (scratch is null || scratch.InUse)
        {
            scratch = new Scratch();
            threadScratch ??= scratch;
        }

        scratch.InUse = true;
        try
        {
            return FormatCore(scratch, category, level, eventId, state, exception, formatter, scopes);
        }
        finally
        {
            scratch.Release();
        }
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

    private static string Text(object? value) => value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    private LogLine FormatCore<TState>(Scratch scratch, string category, LogLevel level, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter, IExternalScopeProvider? scopes)
    {
        var timestamp = DateTimeOffset.UtcNow;
        var typed = state as TelemetryLogState;
        var lineShape = typed?.Shape ?? shape;

        // Stream labels: a contract entry has its stream's, any other entry the provider's; then scope labels, then
        // the event's, each replacing an earlier label of the same name.
        var labels = scratch.Labels;
        if (typed?.Shape is null)
        {
            labels.AddRange(staticLabels);
        }

        if (includeScopes && scopes is not null)
        {
            scopes.ForEachScope(CollectScope, scratch);
        }

        if (typed is not null)
        {
            var eventLabels = typed.StreamLabels;
            for (var i = 0; i < eventLabels.Count; i++)
            {
                scratch.SetLabel(eventLabels[i].Key, eventLabels[i].Value);
            }
        }

        scratch.SortLabels();
        var lineLabels = scratch.LabelArray(staticLabels);

        // Level and message: a contract entry carries both as declared; everything else is spelled by the shape.
        var levelText = lineShape.LevelText(level);
        string? message = null;
        if (typed?.Shape is { } declared)
        {
            var fields = typed.Fields;
            for (var i = 0; i < fields.Count; i++)
            {
                var field = fields[i];
                if (string.Equals(field.Key, declared.LevelField, StringComparison.Ordinal) && field.Value is not null)
                {
                    levelText = Text(field.Value);
                }
                else if (string.Equals(field.Key, declared.MessageField, StringComparison.Ordinal))
                {
                    message = Text(field.Value);
                }
            }
        }

        message ??= formatter(state, exception) ?? string.Empty;

        var json = scratch.Writer();
        var written = scratch.Written;
        json.WriteStartObject();
        Span<char> ts = stackalloc char[32];
        timestamp.UtcDateTime.TryFormat(ts, out var tsLength, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        json.WriteString(TimestampKey, ts[..tsLength]);
        written.Add(TimestampKey);
        written.Add(lineShape.LevelField);
        written.Add(lineShape.MessageField);

        // The level field wins over a stream label of the same name (a stream labelled by level: $level).
        json.WriteString(lineShape.LevelField, levelText);
        foreach (var label in lineLabels)
        {
            if (written.Add(label.Key))
            {
                json.WriteString(label.Key, label.Value);
            }
        }

        json.WriteString(lineShape.MessageField, message);
        switch (state)
        {
            case TelemetryLogState t:
                for (var i = 0; i < t.Fields.Count; i++)
                {
                    WriteField(json, written, t.Fields[i]);
                }

                break;
            case IReadOnlyList<KeyValuePair<string, object?>> list:
                for (var i = 0; i < list.Count; i++)
                {
                    WriteField(json, written, list[i]);
                }

                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                foreach (var field in pairs)
                {
                    WriteField(json, written, field);
                }

                break;
        }

        foreach (var field in scratch.ScopeFields) // List<T>: a struct enumerator
        {
            WriteField(json, written, field);
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
        json.Flush();
        var text = Encoding.UTF8.GetString(scratch.Buffer.WrittenSpan);

        // The Loki push client labels lines by level: the declared spelling when a contract shaped the line.
        var declaredLevel = ReferenceEquals(lineShape, LogStreamShape.Default) ? null : levelText;
        return new LogLine(timestamp, level, text, lineLabels) { LevelText = declaredLevel };
    }

    private static void WriteField(Utf8JsonWriter json, HashSet<string> written, KeyValuePair<string, object?> field)
    {
        if (field.Key is null || field.Key == OriginalFormat || !written.Add(field.Key))
        {
            return;
        }

        json.WritePropertyName(field.Key);
        WriteValue(json, field.Value);
    }

    /// <summary>Per-thread working state, so formatting an entry allocates only its results.</summary>
    private sealed class Scratch
    {
        private Utf8JsonWriter? writer;
        private KeyValuePair<string, string>[]? lastLabels;

        public bool InUse { get; set; }

        public ArrayBufferWriter<byte> Buffer { get; private set; } = new(512);

        public List<KeyValuePair<string, string>> Labels { get; } = new(8);

        public List<KeyValuePair<string, object?>> ScopeFields { get; } = new(8);

        public HashSet<string> Written { get; } = new(StringComparer.Ordinal);

        public Utf8JsonWriter Writer()
        {
            Buffer.ResetWrittenCount();
            if (writer is null)
            {
                writer = new Utf8JsonWriter(Buffer, WriterOptions);
            }
            else
            {
                writer.Reset(Buffer);
            }

            return writer;
        }

        public void SetLabel(string name, string? value)
        {
            value ??= string.Empty;
            for (var i = 0; i < Labels.Count; i++)
            {
                if (string.Equals(Labels[i].Key, name, StringComparison.Ordinal))
                {
                    Labels[i] = new(name, value);
                    return;
                }
            }

            Labels.Add(new(name, value));
        }

        /// <summary>Sorts the labels by name: an insertion sort, as there are a handful and List.Sort would allocate a delegate.</summary>
        public void SortLabels()
        {
            for (var i = 1; i < Labels.Count; i++)
            {
                var label = Labels[i];
                var j = i - 1;
                while (j >= 0 && string.CompareOrdinal(Labels[j].Key, label.Key) > 0)
                {
                    Labels[j + 1] = Labels[j];
                    j--;
                }

                Labels[j + 1] = label;
            }
        }

        public void AddScope(object? scope)
        {
            switch (scope)
            {
                case StreamLabelsScope s:
                    foreach (var label in s.Labels)
                    {
                        SetLabel(label.Key, label.Value);
                    }

                    break;
                case IReadOnlyList<KeyValuePair<string, object?>> list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        ScopeFields.Add(list[i]);
                    }

                    break;
                case IEnumerable<KeyValuePair<string, object?>> pairs:
                    ScopeFields.AddRange(pairs);
                    break;
            }
        }

        /// <summary>The sorted labels as an array: the provider's or the thread's previous one when equal, else a new one.</summary>
        public KeyValuePair<string, string>[] LabelArray(KeyValuePair<string, string>[] provider)
        {
            if (Same(provider))
            {
                return provider;
            }

            if (lastLabels is not null && Same(lastLabels))
            {
                return lastLabels;
            }

            return lastLabels = Labels.ToArray();
        }

        public void Release()
        {
            Labels.Clear();
            ScopeFields.Clear();
            Written.Clear();
            if (Buffer.Capacity > KeepBufferBytes)
            {
                // One huge entry (a long exception) should not pin its buffer to the thread for good.
                Buffer = new ArrayBufferWriter<byte>(512);
                writer?.Dispose();
                writer = null;
            }

            InUse = false;
        }

        private bool Same(KeyValuePair<string, string>[] array)
        {
            if (array.Length != Labels.Count)
            {
                return false;
            }

            for (var i = 0; i < array.Length; i++)
            {
                if (!string.Equals(array[i].Key, Labels[i].Key, StringComparison.Ordinal) || !string.Equals(array[i].Value, Labels[i].Value, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
