using System.CommandLine;

namespace TelemetryContracts.Cli.Commands.Fmt;

/// <summary>The <c>fmt</c> verb: print the canonical form of a PromQL or LogQL expression, or a located error.</summary>
public static class FmtCommandDefinition
{
    /// <summary>The query language.</summary>
    public static readonly Option<string> Lang = new("--lang", "-l")
    {
        Description = "Query language: promql or logql.",
        Required = true,
    };

    /// <summary>The expression (when --file is not given).</summary>
    public static readonly Argument<string?> Expression = new("expression")
    {
        Description = "The expression to format (omit with --file).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>A file with one expression per line.</summary>
    public static readonly Option<string?> File = new("--file")
    {
        Description = "A file with one expression per line; '-' reads standard input.",
    };

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        Lang.AcceptOnlyFromAmong("promql", "logql");
        var command = new Command("fmt", "Print the canonical form of a PromQL or LogQL expression, or a located error.");
        command.Options.Add(Lang);
        command.Arguments.Add(Expression);
        command.Options.Add(File);
        command.Options.Add(CommonOptions.Format);
        command.SetAction(parse => new FmtCommand(parse).Execute());
        return command;
    }
}
