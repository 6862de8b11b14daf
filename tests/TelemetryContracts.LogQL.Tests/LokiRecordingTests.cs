using System.Text.Json;
using System.Text.RegularExpressions;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.LogQL.Tests;

/// <summary>Our printer and error messages against byte-exact responses of a real Loki 2.9.9.</summary>
public sealed class LokiRecordingTests
{
    private static string Recording(string name) => File.ReadAllText(Path.Combine(RepoPaths.LokiRecordings, name));

    private static string QueryOfGetRequest(string file)
    {
        var row = File.ReadAllLines(Path.Combine(RepoPaths.LokiRecordings, "INDEX.tsv")).Single(l => l.StartsWith(file + "\t", StringComparison.Ordinal));
        var url = new Uri(row.Split('\t')[2]);
        var query = url.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("query=", StringComparison.Ordinal));
        return Uri.UnescapeDataString(query["query=".Length..].Replace('+', ' '));
    }

    private static string QueryOfPostForm(string file)
    {
        // INDEX.tsv has no body for form posts; the README table documents it (with | escaped as \|).
        var row = File.ReadAllLines(Path.Combine(RepoPaths.LokiRecordings, "README.md")).Single(l => l.StartsWith($"| `{file}`", StringComparison.Ordinal));
        var m = Regex.Match(row, @"form: `query=(?<q>[^`]*)`");
        return m.Groups["q"].Value.Replace("\\|", "|");
    }

    [Theory]
    [InlineData("50-format_query-get.json")]
    [InlineData("51-format_query-post.json")]
    public void Printer_output_equals_what_format_query_returned(string file)
    {
        var query = file.StartsWith("50", StringComparison.Ordinal) ? QueryOfGetRequest(file) : QueryOfPostForm(file);
        using var body = JsonDocument.Parse(Recording(file));
        var expected = body.RootElement.GetProperty("data").GetString();

        var result = Parser.Parse(query);

        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal(expected, Printer.Print(result.Root!));
    }

    [Fact]
    public void Syntax_error_message_equals_what_format_query_returned_for_a_bad_query()
    {
        var query = QueryOfGetRequest("52-format_query-bad.json");
        using var body = JsonDocument.Parse(Recording("52-format_query-bad.json"));

        var result = Parser.Parse(query);

        Assert.Equal(body.RootElement.GetProperty("error").GetString(), Assert.Single(result.Errors).ToLokiString());
        Assert.Equal(new PositionRange(query.Length, query.Length), result.Errors[0].Range);
    }

    [Theory]
    [InlineData("30-error-query_range-bad-logql.txt")]
    [InlineData("31-error-query-bad-logql.txt")]
    [InlineData("32-error-query_range-empty-selector.txt")]
    [InlineData("33-error-query_range-only-negative-matcher.txt")]
    public void Query_error_message_equals_what_the_query_api_returned(string file)
    {
        var query = QueryOfGetRequest(file);
        var expected = Recording(file).TrimEnd('\n');

        var result = Parser.Parse(query);

        Assert.Equal(expected, Assert.Single(result.Errors).ToLokiString());
    }
}
