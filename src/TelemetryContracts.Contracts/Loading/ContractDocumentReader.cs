using System.Text;
using TelemetryContracts.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TelemetryContracts.Contracts.Loading;

/// <summary>
/// Reads a contract file (YAML, or JSON, which is read by the same YAML parser) into a
/// <see cref="ContractNode"/> tree with source spans. Never throws: every problem, including binary
/// garbage, undecodable bytes, syntax errors and limit violations, becomes a located finding.
/// </summary>
public static class ContractDocumentReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes and reads raw file bytes.</summary>
    public static ContractNode? Read(string file, byte[] bytes, ICollection<Finding> findings, ContractLimits? limits = null)
    {
        limits ??= ContractLimits.Default;
        if (bytes.Length > limits.MaxBytes)
        {
            findings.Add(RuleCatalog.InputLimitExceeded.At(FindingLocation.InFile(file, SourceSpan.FileStart),
                $"the file is {bytes.Length:N0} bytes, more than the {limits.MaxBytes:N0} bytes a contract may have"));
            return null;
        }

        var text = Decode(file, bytes, findings);
        return text is null ? null : Read(file, text, findings, limits);
    }

    /// <summary>Reads already-decoded text.</summary>
    public static ContractNode? Read(string file, string text, ICollection<Finding> findings, ContractLimits? limits = null)
    {
        limits ??= ContractLimits.Default;
        if (text.Length > limits.MaxBytes)
        {
            findings.Add(RuleCatalog.InputLimitExceeded.At(FindingLocation.InFile(file, SourceSpan.FileStart),
                $"the file is {text.Length:N0} characters, more than the {limits.MaxBytes:N0} a contract may have"));
            return null;
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }

        var bad = FindControlCharacter(text);
        if (bad >= 0)
        {
            var pos = TextPositions.At(text, bad);
            findings.Add(RuleCatalog.NotText.At(FindingLocation.InFile(file, new SourceSpan(pos, pos)),
                $"control character U+{(int)text[bad]:X4} at {pos}"));
            return null;
        }

        if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            text = JsonTabsToSpaces(text);
        }

        try
        {
            var builder = new TreeBuilder(file, findings, limits);
            return builder.Build(new Parser(new StringReader(text)));
        }
        catch (YamlException ex)
        {
            var start = ToPosition(ex.Start);
            findings.Add(RuleCatalog.SyntaxError.At(FindingLocation.InFile(file, new SourceSpan(start, ToPosition(ex.End))), CleanMessage(ex.Message)));
            return null;
        }
        catch (LimitExceededException ex)
        {
            findings.Add(RuleCatalog.InputLimitExceeded.At(FindingLocation.InFile(file, new SourceSpan(ex.Position, ex.Position)), ex.Message));
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or OverflowException or IndexOutOfRangeException or NullReferenceException)
        {
            // The YAML library should only throw YamlException; anything else is still the input's fault
            // as far as the user is concerned, and must not escape (the generator must never crash).
            findings.Add(RuleCatalog.SyntaxError.At(FindingLocation.InFile(file, SourceSpan.FileStart), "the YAML parser could not read the file: " + ex.Message));
            return null;
        }
    }

    private static string? Decode(string file, byte[] bytes, ICollection<Finding> findings)
    {
        try
        {
            if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xFE && bytes[2] == 0 && bytes[3] == 0)
            {
                return new UTF32Encoding(false, true, true).GetString(bytes, 4, bytes.Length - 4);
            }

            if (bytes.Length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF)
            {
                return new UTF32Encoding(true, true, true).GetString(bytes, 4, bytes.Length - 4);
            }

            if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            {
                return new UnicodeEncoding(false, true, true).GetString(bytes, 2, bytes.Length - 2);
            }

            if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            {
                return new UnicodeEncoding(true, true, true).GetString(bytes, 2, bytes.Length - 2);
            }

            var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException ex)
        {
            var at = FirstInvalidUtf8(bytes);
            var pos = TextPositions.AtByte(bytes, at);
            findings.Add(RuleCatalog.NotText.At(FindingLocation.InFile(file, new SourceSpan(pos, pos)),
                $"bytes that are not valid UTF-8 at {pos} ({ex.BytesUnknown?.Length ?? 1} byte(s) starting 0x{(at < bytes.Length ? bytes[at] : 0):X2})"));
            return null;
        }
    }

    private static int FirstInvalidUtf8(byte[] b)
    {
        var i = 0;
        while (i < b.Length)
        {
            var c = b[i];
            var n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
            if (n < 0 || i + n >= b.Length + (n == 0 ? 1 : 0))
            {
                return i;
            }

            for (var k = 1; k <= n; k++)
            {
                if (i + k >= b.Length || (b[i + k] & 0xC0) != 0x80)
                {
                    return i;
                }
            }

            i += n + 1;
        }

        return Math.Max(0, b.Length - 1);
    }

    private static int FindControlCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\u007F' || c == '\uFFFE' || c == '\uFFFF')
            {
                return i;
            }
        }

        return -1;
    }

    // JSON allows tabs as indentation; YAML does not. Outside strings a tab is only whitespace, so a
    // space in its place keeps every column and offset the same.
    private static string JsonTabsToSpaces(string text)
    {
        if (text.IndexOf('\t') < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        var inString = false;
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c == '\t')
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    internal static SourcePosition ToPosition(Mark mark) =>
        new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column), (int)Math.Max(0, mark.Index));

    private static string CleanMessage(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the location is reported separately.
        var i = message.IndexOf("): ", StringComparison.Ordinal);
        var text = message.StartsWith("(Line:", StringComparison.Ordinal) && i > 0 ? message.Substring(i + 3) : message;
        return text.TrimEnd('.');
    }

    private sealed class LimitExceededException : Exception
    {
        public LimitExceededException(string message, SourcePosition position) : base(message) => Position = position;

        public SourcePosition Position { get; }
    }

    /// <summary>Builds nodes from the parser's events; anchors are shared, never copied, and alias use is budgeted.</summary>
    private sealed class TreeBuilder
    {
        private readonly string file;
        private readonly ICollection<Finding> findings;
        private readonly ContractLimits limits;
        private readonly Dictionary<string, ContractNode> anchors = new(StringComparer.Ordinal);
        private long expanded;

        public TreeBuilder(string file, ICollection<Finding> findings, ContractLimits limits)
        {
            this.file = file;
            this.findings = findings;
            this.limits = limits;
        }

        public ContractNode? Build(IParser parser)
        {
            ContractNode? root = null;
            var documents = 0;
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case DocumentStart ds:
                        documents++;
                        if (documents > 1)
                        {
                            var p = ToPosition(ds.Start);
                            findings.Add(RuleCatalog.SyntaxError.At(FindingLocation.InFile(file, new SourceSpan(p, p)),
                                "a contract file holds exactly one YAML document; remove the second '---' document or move it to its own file"));
                            return root;
                        }

                        break;
                    case DocumentEnd:
                    case StreamStart:
                    case StreamEnd:
                    case Comment:
                        break;
                    default:
                        root = ReadNode(parser, 1);
                        break;
                }
            }

            return root;
        }

        private ContractNode ReadNode(IParser parser, int depth)
        {
            var ev = parser.Current!;
            var start = ToPosition(ev.Start);
            if (depth > limits.MaxDepth)
            {
                throw new LimitExceededException($"nesting deeper than {limits.MaxDepth} levels", start);
            }

            Count(1, start);
            ContractNode node;
            switch (ev)
            {
                case Scalar s:
                    node = new ScalarNode(s.Value, s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded,
                        new SourceSpan(start, ToPosition(s.End)));
                    Remember(s.Anchor, node);
                    return node;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        throw new YamlException(alias.Start, alias.End, $"the alias *{alias.Value.Value} names no anchor defined before it");
                    }

                    // Sharing the anchored node keeps memory flat; counting its size as if copied keeps
                    // everything that walks the tree (binding, validation, emission) bounded too.
                    Count(target.Size, start);
                    return target;
                case SequenceStart seq:
                {
                    var items = new List<ContractNode>();
                    while (parser.MoveNext() && parser.Current is not SequenceEnd)
                    {
                        if (parser.Current is Comment)
                        {
                            continue;
                        }

                        items.Add(ReadNode(parser, depth + 1));
                    }

                    node = new SequenceNode(items, new SourceSpan(start, ToPosition(parser.Current?.End ?? seq.End)));
                    Remember(seq.Anchor, node);
                    return node;
                }

                case MappingStart map:
                {
                    var entries = new List<MappingEntry>();
                    var seen = new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
                    var merged = new HashSet<string>(StringComparer.Ordinal);
                    while (parser.MoveNext() && parser.Current is not MappingEnd)
                    {
                        if (parser.Current is Comment)
                        {
                            continue;
                        }

                        var keyNode = ReadNode(parser, depth + 1);
                        if (!parser.MoveNext())
                        {
                            break;
                        }

                        while (parser.Current is Comment && parser.MoveNext())
                        {
                        }

                        var value = ReadNode(parser, depth + 1);
                        if (keyNode is not ScalarNode key)
                        {
                            findings.Add(RuleCatalog.WrongNodeType.At(FindingLocation.InFile(file, keyNode.Span),
                                "a map key", "a scalar (a plain name)", keyNode.Describe()));
                            continue;
                        }

                        if (key.Value == "<<" && !key.IsQuoted)
                        {
                            Merge(entries, seen, merged, value, key);
                            continue;
                        }

                        // A key written in the map overrides the same key brought in by a merge, wherever the merge stands.
                        if (merged.Remove(key.Value))
                        {
                            entries.RemoveAll(e => e.Name == key.Value);
                            seen.Remove(key.Value);
                        }

                        if (seen.TryGetValue(key.Value, out var first))
                        {
                            findings.Add(RuleCatalog.DuplicateKey.At(FindingLocation.InFile(file, key.Span), key.Value, first.Span.Start));
                            continue;
                        }

                        seen[key.Value] = key;
                        entries.Add(new MappingEntry(key, value));
                    }

                    node = new MappingNode(entries, new SourceSpan(start, ToPosition(parser.Current?.End ?? map.End)));
                    Remember(map.Anchor, node);
                    return node;
                }

                default:
                    throw new YamlException(ev.Start, ev.End, "unexpected " + ev.GetType().Name);
            }
        }

        // YAML merge keys (<<: *defaults): the merged map's keys apply unless the map sets them itself.
        private void Merge(List<MappingEntry> entries, Dictionary<string, ScalarNode> seen, HashSet<string> merged, ContractNode value, ScalarNode key)
        {
            var sources = value is SequenceNode s ? s.Items : new[] { value };
            foreach (var src in sources)
            {
                if (src is not MappingNode m)
                {
                    findings.Add(RuleCatalog.WrongNodeType.At(FindingLocation.InFile(file, key.Span), "the merge key '<<'", "a map or a list of maps", src.Describe()));
                    continue;
                }

                foreach (var e in m.Entries)
                {
                    if (!seen.ContainsKey(e.Name))
                    {
                        seen[e.Name] = e.Key;
                        merged.Add(e.Name);
                        entries.Add(e);
                    }
                }
            }
        }

        private void Remember(AnchorName anchor, ContractNode node)
        {
            if (!anchor.IsEmpty)
            {
                anchors[anchor.Value] = node;
            }
        }

        private void Count(int n, SourcePosition at)
        {
            expanded += n;
            if (expanded > limits.MaxNodes)
            {
                throw new LimitExceededException($"more than {limits.MaxNodes:N0} nodes once aliases are expanded (an alias-expansion bomb?)", at);
            }
        }
    }
}
