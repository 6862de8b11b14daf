using System.Collections;
using System.Text;

namespace TelemetryContracts.Logging;

/// <summary>
/// The state a generated typed logger passes to <c>ILogger.Log</c>: the message template, the event's stream labels
/// (low-cardinality values that become Loki labels, e.g. <c>route_group</c>) and its fields (everything else, e.g.
/// <c>route</c>, <c>order_id</c>). As an <see cref="IReadOnlyList{T}"/> of key/value pairs ending with
/// <c>{OriginalFormat}</c> it also works with every other logging provider.
/// </summary>
public sealed class TelemetryLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private KeyValuePair<string, object?>[]? all;

    /// <summary>Creates the state.</summary>
    /// <param name="messageTemplate">Template with <c>{name}</c> holes filled from labels and fields.</param>
    /// <param name="streamLabels">Stream labels of this event (may be empty).</param>
    /// <param name="fields">Other fields of this event (may be empty).</param>
    public TelemetryLogState(string messageTemplate, KeyValuePair<string, string>[] streamLabels, KeyValuePair<string, object?>[] fields)
        : this(messageTemplate, streamLabels, fields, null)
    {
    }

    /// <summary>Creates the state of an entry shaped as a contract declares its stream (what the generated typed logger passes).</summary>
    /// <param name="messageTemplate">Template with <c>{name}</c> holes filled from labels and fields.</param>
    /// <param name="streamLabels">The stream's labels (may be empty).</param>
    /// <param name="fields">
    /// The level under <see cref="LogStreamShape.LevelField"/> spelled as declared, the message under
    /// <see cref="LogStreamShape.MessageField"/>, then the declared fields.
    /// </param>
    /// <param name="shape">The stream's shape; null: the logger provider's.</param>
    public TelemetryLogState(string messageTemplate, KeyValuePair<string, string>[] streamLabels, KeyValuePair<string, object?>[] fields, LogStreamShape? shape)
    {
        MessageTemplate = messageTemplate ?? string.Empty;
        StreamLabels = streamLabels ?? [];
        Fields = fields ?? [];
        Shape = shape;
    }

    /// <summary>The message template.</summary>
    public string MessageTemplate { get; }

    /// <summary>The stream labels.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> StreamLabels { get; }

    /// <summary>The fields.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Fields { get; }

    /// <summary>
    /// The shape the stream's contract declares (level field and spellings, message field), when a generated typed
    /// logger wrote the entry: the JSON-lines logger then writes the entry exactly so, with the stream's labels (and
    /// those of an enclosing <see cref="StreamLabelsScope"/>) rather than its provider-wide ones.
    /// </summary>
    public LogStreamShape? Shape { get; }

    /// <inheritdoc />
    public int Count => StreamLabels.Count + Fields.Count + 1;

    /// <inheritdoc />
    public KeyValuePair<string, object?> this[int index] => All[index];

    // Built when another provider first reads the state as key/value pairs; the JSON-lines logger never does.
    private KeyValuePair<string, object?>[] All => all ??= Flatten();

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)All).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => All.GetEnumerator();

    /// <summary>The message with holes filled (unknown holes are kept as written).</summary>
    public override string ToString()
    {
        var t = MessageTemplate;
        if (t.IndexOf('{') < 0)
        {
            return t;
        }

        var sb = new StringBuilder(t.Length + 32);
        var i = 0;
        while (i < t.Length)
        {
            var open = t.IndexOf('{', i);
            var close = open < 0 ? -1 : t.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                sb.Append(t, i, t.Length - i);
                break;
            }

            sb.Append(t, i, open - i);
            var name = t.AsSpan(open + 1, close - open - 1);
            var colon = name.IndexOf(':');
            if (colon >= 0)
            {
                name = name[..colon];
            }

            var found = false;
            var pairs = All;
            for (var k = 0; k < pairs.Length - 1; k++)
            {
                if (name.Equals(pairs[k].Key, StringComparison.Ordinal))
                {
                    sb.Append(Convert.ToString(pairs[k].Value, System.Globalization.CultureInfo.InvariantCulture));
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                sb.Append(t, open, close - open + 1);
            }

            i = close + 1;
        }

        return sb.ToString();
    }

    private KeyValuePair<string, object?>[] Flatten()
    {
        var pairs = new KeyValuePair<string, object?>[Count];
        var i = 0;
        foreach (var label in StreamLabels)
        {
            pairs[i++] = new(label.Key, label.Value);
        }

        foreach (var field in Fields)
        {
            pairs[i++] = field;
        }

        pairs[i] = new("{OriginalFormat}", MessageTemplate);
        return pairs;
    }
}
