using System.Text;
using TelemetryContracts.Diagnostics;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Contracts.Tests;

/// <summary>
/// Random byte and line mutations of every valid contract (fixed seed, so a failure reproduces): no
/// exception escapes, and every finding is located in the file.
/// </summary>
public sealed class MutationTests
{
    private const int Seed = 20261121;
    private const int MutationsPerRound = 10_500;

    private static readonly string[] Fragments =
    {
        ": [", "{", "}", "]", "&a ", "*a", "*missing", "<<: *a", "\t", "---", "...", "!!binary", "%YAML 1.2", "? ", "- ", "|", ">-", "\"", "'",
        "\\u0000", "#", ",", "le", "__x", "_total", "type: histogram", "buckets: [.inf]", "values: []", "$env", "\u00e9", "\uFEFF", "  ", "0x1F",
    };

    [Fact]
    public void RandomMutations_NeverThrow_AndEveryFindingIsLocated()
    {
        var sources = RepoPaths.ContractFiles.Concat(ContractCorpus.Files("valid")).Select(f => (Path: f, Bytes: File.ReadAllBytes(f))).ToList();
        var random = new Random(Seed);
        var withFindings = 0;
        for (var i = 0; i < MutationsPerRound; i++)
        {
            var (path, original) = sources[random.Next(sources.Count)];
            var mutated = Mutate(original, random);
            ContractLoadResult result;
            try
            {
                result = ContractLoader.Parse(path, mutated);
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"mutation #{i} (seed {Seed}) of {RepoPaths.Relative(path)} threw {ex}\n--- input ---\n{Encoding.UTF8.GetString(mutated)}");
            }

            foreach (var f in result.Findings)
            {
                Assert.True(f.Location.File == path && f.Location.Span is { } s && s.Start.Line >= 1 && s.Start.Column >= 1,
                    $"mutation #{i}: finding without a location: {f}");
                Assert.False(string.IsNullOrWhiteSpace(f.Message));
                Assert.NotNull(RuleCatalog.Find(f.Id));
            }

            if (result.Findings.Count > 0)
            {
                withFindings++;
            }
        }

        // The mutations must actually hurt: most mutated files report something.
        Assert.True(withFindings > MutationsPerRound / 3, $"only {withFindings} of {MutationsPerRound} mutations produced findings");
    }

    private static byte[] Mutate(byte[] input, Random r)
    {
        var bytes = new List<byte>(input);
        var count = 1 + r.Next(3);
        for (var k = 0; k < count && bytes.Count > 0; k++)
        {
            switch (r.Next(9))
            {
                case 0: // flip a byte
                    bytes[r.Next(bytes.Count)] = (byte)r.Next(256);
                    break;
                case 1: // delete a run
                {
                    var at = r.Next(bytes.Count);
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + r.Next(20)));
                    break;
                }

                case 2: // insert a YAML-significant fragment
                    bytes.InsertRange(r.Next(bytes.Count + 1), Encoding.UTF8.GetBytes(Fragments[r.Next(Fragments.Length)]));
                    break;
                case 3: // truncate
                {
                    var keep = r.Next(bytes.Count);
                    bytes.RemoveRange(keep, bytes.Count - keep);
                    break;
                }
                default: // line-level: delete, duplicate, swap, indent, dedent
                {
                    var lines = Encoding.UTF8.GetString(bytes.ToArray()).Split('\n').ToList();
                    var i = r.Next(lines.Count);
                    var j = r.Next(lines.Count);
                    switch (r.Next(5))
                    {
                        case 0: lines.RemoveAt(i); break;
                        case 1: lines.Insert(j, lines[i]); break;
                        case 2: (lines[i], lines[j]) = (lines[j], lines[i]); break;
                        case 3: lines[i] = "  " + lines[i]; break;
                        default: lines[i] = lines[i].TrimStart(); break;
                    }

                    bytes = new List<byte>(Encoding.UTF8.GetBytes(string.Join("\n", lines)));
                    break;
                }
            }
        }

        return bytes.ToArray();
    }
}
