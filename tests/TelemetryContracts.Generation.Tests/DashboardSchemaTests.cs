using System.Text.Json.Nodes;
using NJsonSchema;
using TelemetryContracts.Generation.Dashboards;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Generation.Tests;

/// <summary>
/// Every generated dashboard validates against Grafana's dashboard JSON schema (grafana-foundation-sdk, in the shared
/// corpus), and the datasource UIDs it references are the ones the provisioning creates.
/// </summary>
public sealed class DashboardSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(LoadSchema);

    /// <summary>
    /// The corpus schema is <c>{"$ref": "#/definitions/Dashboard", "definitions": {...}}</c>; NJsonSchema 10.7 treats a
    /// root <c>$ref</c> as replacing the whole document and then cannot resolve it, so the same schema is rewritten as
    /// the Dashboard definition at the root with the definitions beside it (identical constraints).
    /// </summary>
    private static JsonSchema LoadSchema()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Corpus, "schema", "dashboard.jsonschema.json")))!.AsObject();
        var definitions = document["definitions"]!.AsObject();
        var root = definitions["Dashboard"]!.DeepClone().AsObject();
        root["$schema"] = document["$schema"]!.DeepClone();
        root["definitions"] = definitions.DeepClone();
        return JsonSchema.FromJsonAsync(root.ToJsonString()).GetAwaiter().GetResult();
    }

    public static IEnumerable<object[]> ContractNames => Contracts.Names;

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void GeneratedDashboard_ValidatesAgainstGrafanaSchema(string contract)
    {
        var json = DashboardEmitter.Emit(DashboardEmitter.Build(Contracts.ByRelativePath(contract), new GenerationOptions()));
        var errors = Schema.Value.Validate(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind} {e}")));
        Assert.Equal(DashboardEmitter.SchemaVersion, JsonNode.Parse(json)!["schemaVersion"]!.GetValue<int>());
    }

    [Fact]
    public void SchemaValidation_RejectsAPanelWiderThanTheGrid()
    {
        // Proves the validation above can fail: the same generated dashboard with one panel 30 columns wide.
        var json = JsonNode.Parse(DashboardEmitter.Emit(DashboardEmitter.Build(Contracts.All.Single(c => c.Service == "scanium-backend"), new GenerationOptions())))!;
        json["panels"]![1]!["gridPos"]!["w"] = 30;
        Assert.NotEmpty(Schema.Value.Validate(json.ToJsonString()));
    }

    [Fact]
    public void Dashboards_ReferenceOnlyProvisionedDatasourceUids()
    {
        var options = new GenerationOptions { PrometheusDatasourceUid = "prom-main", LokiDatasourceUid = "loki-main" };
        var provisioning = Grafana.ProvisioningEmitter.EmitDatasources(options);
        foreach (var contract in Contracts.All)
        {
            var dashboard = DashboardEmitter.Build(contract, options);
            foreach (var variable in dashboard.Variables.Where(v => v.Type == "datasource"))
            {
                Assert.Contains("uid: " + variable.Default + "\n", provisioning, StringComparison.Ordinal);
            }

            Assert.Equal(dashboard.Panels.Any(p => p.Datasource == DatasourceKind.Loki), dashboard.Variables.Any(v => v.Name == "loki"));
        }
    }

    [Fact]
    public void DashboardUid_IsStableAndWithinGrafanasLimit()
    {
        Assert.Equal("tc-scanium-backend", DashboardEmitter.Uid("scanium-backend"));
        var longName = DashboardEmitter.Uid(new string('a', 60));
        Assert.Equal(40, longName.Length);
        Assert.NotEqual(longName, DashboardEmitter.Uid(new string('a', 59) + "b"));
    }
}
