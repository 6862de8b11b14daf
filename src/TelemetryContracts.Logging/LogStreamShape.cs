using Microsoft.Extensions.Logging;

namespace TelemetryContracts.Logging;

/// <summary>
/// How a log stream's lines spell what every line has: the JSON key of the level and how each level is written, and
/// the JSON key of the message. A contract declares it per stream (<c>level_field</c>, <c>levels</c>,
/// <c>message_field</c>); the generated typed logger hands its stream's shape to <see cref="TelemetryLogState"/>, and
/// <see cref="JsonLinesLoggerOptions.Shape"/> applies one to the lines of every other logger (framework categories).
/// </summary>
public sealed class LogStreamShape
{
    private const int LevelCount = (int)LogLevel.None + 1;

    private static readonly KeyValuePair<string, LogLevel>[] DefaultLevels =
    [
        new("TRACE", LogLevel.Trace),
        new("DEBUG", LogLevel.Debug),
        new("INFO", LogLevel.Information),
        new("WARN", LogLevel.Warning),
        new("ERROR", LogLevel.Error),
        new("FATAL", LogLevel.Critical),
    ];

    private readonly string[] spellings;

    /// <summary>Creates a shape.</summary>
    /// <param name="levelField">The JSON key holding the level, e.g. <c>level</c> or <c>severity</c>.</param>
    /// <param name="messageField">The JSON key holding the message, e.g. <c>msg</c> or <c>message</c>.</param>
    /// <param name="levels">
    /// The declared level spellings with the Microsoft.Extensions.Logging level each stands for, e.g.
    /// <c>("warn", Warning)</c>; empty: the library's spellings (<c>TRACE</c> … <c>FATAL</c>).
    /// </param>
    public LogStreamShape(string levelField, string messageField, IReadOnlyList<KeyValuePair<string, LogLevel>> levels)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(levelField);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageField);
        ArgumentNullException.ThrowIfNull(levels);
        if (string.Equals(levelField, messageField, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The level and the message cannot share the JSON key '{levelField}'.", nameof(messageField));
        }

        LevelField = levelField;
        MessageField = messageField;
        var declared = new List<KeyValuePair<string, LogLevel>>(levels.Count);
        foreach (var level in levels)
        {
            if (string.IsNullOrEmpty(level.Key) || level.Value is < LogLevel.Trace or > LogLevel.Critical)
            {
                throw new ArgumentException($"Level '{level.Key}' → {level.Value} is not a spelling of Trace … Critical.", nameof(levels));
            }

            declared.Add(level);
        }

        Levels = declared.Count > 0 ? declared.ToArray() : DefaultLevels;
        spellings = new string[LevelCount];
        for (var l = LogLevel.Trace; l <= LogLevel.Critical; l++)
        {
            spellings[(int)l] = Nearest(Levels, l);
        }

        spellings[(int)LogLevel.None] = "NONE";
    }

    /// <summary>The library's shape: <c>level</c> spelled <c>TRACE</c>, <c>DEBUG</c>, <c>INFO</c>, <c>WARN</c>, <c>ERROR</c>, <c>FATAL</c>; <c>msg</c>.</summary>
    public static LogStreamShape Default { get; } = new("level", "msg", DefaultLevels);

    /// <summary>The JSON key holding the level.</summary>
    public string LevelField { get; }

    /// <summary>The JSON key holding the message.</summary>
    public string MessageField { get; }

    /// <summary>The declared spellings in declaration order, each with the level it stands for.</summary>
    public IReadOnlyList<KeyValuePair<string, LogLevel>> Levels { get; }

    /// <summary>
    /// How <paramref name="level"/> is written: the first declared spelling of that level; a level the stream does not
    /// declare (e.g. Trace when it starts at debug) takes the nearest declared one, the more severe on a tie, so every
    /// line carries a level the contract knows.
    /// </summary>
    public string LevelText(LogLevel level) => (uint)level < LevelCount ? spellings[(int)level] : spellings[(int)LogLevel.None];

    /// <inheritdoc />
    public override string ToString() =>
        $"{LevelField}: {string.Join("|", Levels.Select(l => l.Key))}, {MessageField}";

    private static string Nearest(IReadOnlyList<KeyValuePair<string, LogLevel>> levels, LogLevel wanted)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestLevel = LogLevel.None;
        foreach (var (spelling, level) in levels)
        {
            var distance = Math.Abs(level - wanted);
            if (distance < bestDistance || (distance == bestDistance && level > bestLevel))
            {
                best = spelling;
                bestDistance = distance;
                bestLevel = level;
            }
        }

        return best!;
    }
}
