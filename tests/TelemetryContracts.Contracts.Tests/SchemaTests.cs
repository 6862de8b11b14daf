using TelemetryContracts.Contracts.Loading;
using TelemetryContracts.Contracts.Schema;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Contracts.Tests;

/// <summary>The checked-in JSON Schema is exactly what the model generates, and it accepts exactly the keys the reader accepts.</summary>
public sealed class SchemaTests
{
    private static string SchemaPath => Path.Combine(RepoPaths.Contracts, "schema", "telemetry-contract.schema.json");

    [Fact]
    public void CheckedInSchema_EqualsTheGeneratedSchema()
    {
        var generated = ContractSchema.GenerateJson();
        if (Environment.GetEnvironmentVariable("TC_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(SchemaPath, generated);
        }

        var checkedIn = File.ReadAllText(SchemaPath).Replace("\r\n", "\n");
        Assert.True(checkedIn == generated,
            "contracts/schema/telemetry-contract.schema.json is stale (run the tests with TC_ACCEPT_SNAPSHOTS=1 to regenerate):\n" + LineDiff.Render(checkedIn, generated));
    }

    [Theory]
    [InlineData("ContractDocument", nameof(ContractKeys.Root))]
    [InlineData("ScrapeDocument", nameof(ContractKeys.Scrape))]
    [InlineData("ScrapeAuthDocument", nameof(ContractKeys.Auth))]
    [InlineData("LabelDocument", nameof(ContractKeys.Label))]
    [InlineData("MetricDocument", nameof(ContractKeys.Metric))]
    [InlineData("LogStreamDocument", nameof(ContractKeys.Log))]
    [InlineData("LogFieldDocument", nameof(ContractKeys.LogField))]
    [InlineData("SloDocument", nameof(ContractKeys.Slo))]
    public void SchemaProperties_AreExactlyTheKeysTheReaderAccepts(string definition, string keysField)
    {
        var keys = (string[])typeof(ContractKeys).GetField(keysField)!.GetValue(null)!;
        var properties = ContractSchema.PropertyNames()[definition];
        Assert.Equal(keys.OrderBy(k => k, StringComparer.Ordinal), properties.OrderBy(k => k, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("metrics-is-a-list.telemetry.yaml")]
    [InlineData("unknown-top-level-key-typo.telemetry.yaml")]
    [InlineData("metric-type-misspelled.telemetry.yaml")]
    [InlineData("scrape-scheme-unknown.telemetry.yaml")]
    public void Schema_RejectsShapesTheReaderRejects(string name)
    {
        var errors = ContractSchemaValidator.Validate(Path.Combine(ContractCorpus.Folder, "invalid", name));
        Assert.NotEmpty(errors);
    }
}
