using System.Text;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Contracts.Tests;

/// <summary>Hostile input ends with a located diagnostic, never an exception, a hang or unbounded memory.</summary>
public sealed class HostileInputTests
{
    private static ContractLoadResult Parse(byte[] bytes) => ContractLoader.Parse("hostile.telemetry.yaml", bytes);

    private static void AssertSingle(ContractLoadResult r, Rule rule)
    {
        Assert.Contains(r.Findings, f => f.Id == rule.Id);
        Assert.All(r.Findings, f => Assert.True(f.Location.Line >= 1));
    }

    [Fact]
    public void HugeFile_IsRefusedBeforeParsing()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("key: value\n", 500_000)));
        var r = Parse(bytes);
        var f = Assert.Single(r.Findings);
        Assert.Equal(RuleCatalog.InputLimitExceeded.Id, f.Id);
        Assert.Contains("5,500,000 bytes", f.Message);
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(1_000)]
    public void DeepFlowNesting_StopsAtTheDepthLimit(int depth)
    {
        var r = Parse(Encoding.UTF8.GetBytes("service: demo\nx: " + new string('[', depth) + new string(']', depth) + "\n"));
        AssertSingle(r, RuleCatalog.InputLimitExceeded);
    }

    [Fact]
    public void DeepBlockNesting_StopsAtTheDepthLimit()
    {
        var sb = new StringBuilder("service: demo\n");
        for (var i = 0; i < 2_000; i++)
        {
            sb.Append(' ', i).Append("k").Append(i).Append(":\n");
        }

        AssertSingle(Parse(Encoding.UTF8.GetBytes(sb.ToString())), RuleCatalog.InputLimitExceeded);
    }

    [Fact]
    public void BillionLaughs_IsStoppedByTheAliasBudget()
    {
        var sb = new StringBuilder("service: demo\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            sb.Append($"l{i}: &l{i} [").Append(string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))).Append("]\n");
        }

        AssertSingle(Parse(Encoding.UTF8.GetBytes(sb.ToString())), RuleCatalog.InputLimitExceeded);
    }

    [Fact]
    public void RandomBinary_IsReportedAsNotText()
    {
        var bytes = new byte[65_536];
        new Random(7).NextBytes(bytes);
        AssertSingle(Parse(bytes), RuleCatalog.NotText);
    }

    [Fact]
    public void Utf16BigEndianWithBom_IsDecoded()
    {
        var text = "service: demo\nmetrics:\n  jobs_total: { type: counter, help: Jobs done. }\n";
        var bytes = new byte[] { 0xFE, 0xFF }.Concat(Encoding.BigEndianUnicode.GetBytes(text)).ToArray();
        var r = Parse(bytes);
        Assert.Empty(r.Findings);
        Assert.Equal("jobs_total", r.Contract.Metrics.Single().FullName);
    }

    [Fact]
    public void Utf8WithBom_IsDecoded()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("service: demo\nmetrics:\n  jobs_total: { type: counter, help: Jobs done. }\n")).ToArray();
        Assert.Empty(Parse(bytes).Findings);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("# only a comment\n")]
    public void EmptyDocument_AsksForTheServiceName(string text)
    {
        var f = Assert.Single(Parse(Encoding.UTF8.GetBytes(text)).Findings);
        Assert.Equal(RuleCatalog.MissingRequired.Id, f.Id);
        Assert.Contains("'service'", f.Message);
    }

    [Fact]
    public void VeryLongScalar_IsReadWithoutError()
    {
        var r = Parse(Encoding.UTF8.GetBytes("service: demo\ndescription: " + new string('x', 1_000_000) + "\nmetrics:\n  jobs_total: { type: counter, help: Jobs. }\n"));
        Assert.Empty(r.Findings);
    }

    [Theory]
    [InlineData("service: demo\nmetrics: !!binary AAAA\n")]
    [InlineData("%YAML 9.9\n---\nservice: demo\n")]
    [InlineData("service: *nowhere\n")]
    [InlineData("? [a, b]\n: c\nservice: demo\n")]
    [InlineData("service: demo\nmetrics: {a_total: {type: counter, help: [x, {y: z}]}}\n")]
    [InlineData("\"service\": \"demo\", \"metrics\": {}")]
    public void OddYaml_BecomesLocatedFindings(string text)
    {
        var r = Parse(Encoding.UTF8.GetBytes(text));
        Assert.NotEmpty(r.Findings);
        Assert.All(r.Findings, f => Assert.True(f.Location.Line >= 1 && f.Location.Column >= 1, f.ToString()));
    }
}
