using System.CommandLine;
using System.Text;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Cli.Tests;

/// <summary>The README's CLI reference is generated from the command tree, so every verb and flag is documented as it is.</summary>
public sealed class CliReferenceTests
{
    [Fact]
    public void ReadmeCliReference_IsGeneratedFromTheCommandTree()
    {
        var sb = new StringBuilder();
        foreach (var command in CliParser.CreateRoot().Subcommands.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            Render(sb, "telemetry-contracts " + command.Name, command);
        }

        GeneratedDocSection.AssertCurrent("README.md", "cli-reference", sb.ToString());
    }

    private static void Render(StringBuilder sb, string path, Command command)
    {
        var args = string.Concat(command.Arguments.Select(a => $" <{a.Name}>"));
        sb.Append("#### `").Append(path).Append(args).Append('`');
        if (command.Aliases.Count > 0)
        {
            sb.Append(" (alias: ").Append(string.Join(", ", command.Aliases.Select(a => "`" + a + "`"))).Append(')');
        }

        sb.Append("\n\n").Append(command.Description).Append("\n\n");
        if (command.Arguments.Count + command.Options.Count > 0)
        {
            sb.Append("| argument / option | meaning |\n|---|---|\n");
            foreach (var a in command.Arguments)
            {
                sb.Append("| `<").Append(a.Name).Append(">` | ").Append((a.Description ?? "").Replace("|", "\\|")).Append(" |\n");
            }

            foreach (var o in command.Options.Where(o => !o.Hidden))
            {
                var names = new[] { o.Name }.Concat(o.Aliases).Select(n => "`" + n + "`");
                sb.Append("| ").Append(string.Join(", ", names)).Append(" | ").Append((o.Description ?? "").Replace("|", "\\|")).Append(" |\n");
            }

            sb.Append('\n');
        }

        foreach (var sub in command.Subcommands)
        {
            Render(sb, path + " " + sub.Name, sub);
        }
    }
}
