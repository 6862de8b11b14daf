using TelemetryContracts.Dashboards;

namespace TelemetryContracts.Lint.Tests;

public class MalformedInputTests
{
    public static TheoryData<string> Broken() => new()
    {
        "",
        "{",
        "null",
        "[]",
        "{\"panels\": {}}",
        "{\"panels\": [{\"targets\": [{\"expr\": 42}]}]}",
        "{\"panels\": [{\"targets\": [{\"expr\": \"sum(rate(x[5m]\"}]}]}",
        "{\"panels\": [{\"targets\": [{\"expr\": \"{a=\\\"b\\\"} |= \", \"datasource\": {\"type\": \"loki\"}}]}]}",
        "{\"panels\": [{\"targets\": [{\"expr\": \"$\"}, {\"expr\": \"${\"}, {\"expr\": \"[[x\"}, {\"expr\": \"${x:regex\"}]}]}",
        "{\"templating\": {\"list\": [{\"name\": \"v\", \"type\": \"query\", \"query\": \"label_values(\", \"datasource\": \"Prometheus\"}, {\"name\": \"w\", \"type\": \"query\", \"query\": \"metrics([)\", \"datasource\": \"Prometheus\"}]}}",
        "{\"panels\": [{\"targets\": [{\"expr\": \"up{a=~\\\"(\\\"}\"}, {\"expr\": \"{a=~\\\"(\\\"}\", \"datasource\": \"Loki\"}]}]}",
        "{\"panels\": [{\"targets\": [{\"expr\": \"" + new string('(', 5000) + "\"}]}]}",
        "{\"annotations\": {\"list\": [{\"expr\": \"rate(\", \"datasource\": null}, 7]}}",
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void MalformedDashboard_GivesFindingsNotExceptions(string json)
    {
        var result = new DashboardLinter(ScaniumContracts.Index).Lint(DashboardReader.Read("broken.json", json));

        Assert.NotNull(result.Findings);
        Assert.All(result.Findings, f => Assert.Equal("broken.json", f.Location.File));
    }
}
