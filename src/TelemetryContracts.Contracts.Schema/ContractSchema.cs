using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Generation;
using TelemetryContracts.Contracts.Loading;
using TelemetryContracts.Contracts.Schema.Documents;

namespace TelemetryContracts.Contracts.Schema;

/// <summary>
/// Generates the contract JSON Schema (<c>contracts/schema/telemetry-contract.schema.json</c>) with
/// NJsonSchema from the document classes, then fills in what C# types cannot say: the allowed words
/// (taken from <see cref="ContractKeys"/>, the reader's own tables) and the places where the format
/// accepts two shapes (auth as a word or a map, fields as a list or a map, deprecated as bool or text).
/// </summary>
public static class ContractSchema
{
    /// <summary>The schema's <c>$id</c>.</summary>
    public const string Id = "urn:telemetry-contracts:schema:telemetry-contract:v1";

    /// <summary>The schema as indented JSON with <c>\n</c> line endings (the checked-in file's exact bytes).</summary>
    public static string GenerateJson()
    {
        var settings = new JsonSchemaGeneratorSettings
        {
            SchemaType = SchemaType.JsonSchema,
            DefaultReferenceTypeNullHandling = ReferenceTypeNullHandling.NotNull,
            FlattenInheritanceHierarchy = true,
            AlwaysAllowAdditionalObjectProperties = false,
        };
        var schema = JsonSchema.FromType<ContractDocument>(settings);
        var root = JObject.Parse(schema.ToJson());
        var header = new JObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["$id"] = Id,
            ["title"] = "Telemetry contract",
        };
        foreach (var p in root.Properties().Where(p => header[p.Name] is null).ToList())
        {
            header[p.Name] = p.Value;
        }

        root = header;

        var defs = (JObject)root["definitions"]!;
        Patch(root, "service", p => p["pattern"] = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
        Patch(root, "namespace", p => p["pattern"] = "^[a-zA-Z_][a-zA-Z0-9_]*$");
        Patch((JObject)defs["ScrapeDocument"]!, "scheme", p => p["enum"] = new JArray("http", "https"));
        Patch((JObject)defs["ScrapeDocument"]!, "path", p => p["pattern"] = "^/");
        Patch((JObject)defs["ScrapeDocument"]!, "auth", p => ReplaceWith(p, new JObject
        {
            ["description"] = p["description"],
            ["oneOf"] = new JArray(
                new JObject { ["type"] = "string", ["enum"] = new JArray("none") },
                new JObject { ["$ref"] = "#/definitions/ScrapeAuthDocument" }),
        }));
        Patch((JObject)defs["ScrapeAuthDocument"]!, "type", p => p["enum"] = new JArray(ContractKeys.AuthTypes.Keys.ToArray()));
        Patch((JObject)defs["LabelDocument"]!, "type", p => p["enum"] = new JArray(ContractKeys.LabelTypes.Keys.ToArray()));
        Patch((JObject)defs["MetricDocument"]!, "type", p => p["enum"] = new JArray(ContractKeys.MetricTypes.Keys.ToArray()));
        Patch((JObject)defs["MetricDocument"]!, "value_type", p => p["enum"] = new JArray(ContractKeys.ValueTypes.Keys.ToArray()));
        Patch((JObject)defs["MetricDocument"]!, "labels", p => p["uniqueItems"] = true);
        Patch((JObject)defs["MetricDocument"]!, "buckets", p => p["minItems"] = 1);
        Patch((JObject)defs["MetricDocument"]!, "deprecated", p => ReplaceWith(p, new JObject
        {
            ["description"] = p["description"],
            ["type"] = new JArray("boolean", "string"),
        }));
        Patch((JObject)defs["LabelDocument"]!, "values", p => p["minItems"] = 1);
        Patch((JObject)defs["LogStreamDocument"]!, "fields", p => ReplaceWith(p, new JObject
        {
            ["description"] = p["description"],
            ["oneOf"] = new JArray(
                new JObject { ["type"] = "array", ["items"] = new JObject { ["type"] = "string" }, ["uniqueItems"] = true },
                new JObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = new JObject { ["oneOf"] = new JArray(new JObject { ["type"] = "null" }, new JObject { ["$ref"] = "#/definitions/LogFieldDocument" }) },
                }),
        }));
        Patch((JObject)defs["LogStreamDocument"]!, "stream", p => p["minProperties"] = 1);
        Patch((JObject)defs["SloDocument"]!, "quantile", p =>
        {
            p["exclusiveMinimum"] = 0;
            p["exclusiveMaximum"] = 1;
        });

        // A label written as `route:` with no body is an open string label.
        Patch(root, "labels", p => p["additionalProperties"] = new JObject
        {
            ["oneOf"] = new JArray(new JObject { ["type"] = "null" }, new JObject { ["$ref"] = "#/definitions/LabelDocument" }),
        });

        root["patternProperties"] = new JObject { ["^x-"] = new JObject { ["description"] = "Extension field, ignored by tools: a place for YAML anchors." } };
        var ordered = Order(root);
        using var sw = new StringWriter { NewLine = "\n" };
        using (var w = new JsonTextWriter(sw) { Formatting = Formatting.Indented, Indentation = 2 })
        {
            ordered.WriteTo(w);
        }

        return sw.ToString() + "\n";
    }

    /// <summary>The schema object for validation.</summary>
    public static JsonSchema Load() => JsonSchema.FromJsonAsync(GenerateJson()).GetAwaiter().GetResult();

    /// <summary>The property names the schema allows for each document class (tests compare them with <see cref="ContractKeys"/>).</summary>
    public static IReadOnlyDictionary<string, string[]> PropertyNames()
    {
        var root = JObject.Parse(GenerateJson());
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["ContractDocument"] = ((JObject)root["properties"]!).Properties().Select(p => p.Name).ToArray(),
        };
        foreach (var def in ((JObject)root["definitions"]!).Properties())
        {
            result[def.Name] = ((JObject?)def.Value["properties"])?.Properties().Select(p => p.Name).ToArray() ?? Array.Empty<string>();
        }

        return result;
    }

    private static void Patch(JObject owner, string property, Action<JObject> patch)
    {
        var props = (JObject)owner["properties"]!;
        var p = (JObject?)props[property] ?? throw new InvalidOperationException($"schema has no property '{property}'");
        patch(p);
    }

    private static void ReplaceWith(JObject target, JObject replacement)
    {
        target.RemoveAll();
        foreach (var prop in replacement.Properties())
        {
            if (prop.Value.Type != JTokenType.Null)
            {
                target[prop.Name] = prop.Value;
            }
        }
    }

    // Keeps the file stable: definitions sorted by name, and within each object the schema keywords
    // in the order NJsonSchema produced them.
    private static JToken Order(JToken token)
    {
        if (token is JObject o)
        {
            var copy = new JObject();
            var props = o.Properties().ToList();
            if (o.Parent is JProperty { Name: "definitions" })
            {
                props = props.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
            }

            foreach (var p in props)
            {
                copy[p.Name] = Order(p.Value);
            }

            return copy;
        }

        if (token is JArray a)
        {
            return new JArray(a.Select(Order));
        }

        return token.DeepClone();
    }
}
