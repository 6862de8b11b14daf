using System.Globalization;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using TelemetryContracts.Contracts.Loading;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Contracts.Schema;

/// <summary>Validates a contract document (YAML or JSON, read by our reader) against the JSON Schema.</summary>
public static class ContractSchemaValidator
{
    private static readonly Lazy<JsonSchema> Schema = new(ContractSchema.Load);

    /// <summary>Schema violations of <paramref name="file"/> as readable strings (empty when valid or unreadable).</summary>
    public static IReadOnlyList<string> Validate(string file)
    {
        var findings = new List<Finding>();
        var root = ContractDocumentReader.Read(file, File.ReadAllBytes(file), findings);
        if (root is null)
        {
            return findings.Select(f => f.ToString()).ToList();
        }

        return Schema.Value.Validate(ToJson(root)).Select(e => $"{e.Path}: {e.Kind} ({e.Property})").ToList();
    }

    /// <summary>Converts a document tree to JSON, typing plain scalars as YAML's core schema does.</summary>
    public static JToken ToJson(ContractNode node) => node switch
    {
        MappingNode m => new JObject(m.Entries.Select(e => new JProperty(e.Name, ToJson(e.Value)))),
        SequenceNode s => new JArray(s.Items.Select(ToJson)),
        ScalarNode sc => Scalar(sc),
        _ => JValue.CreateNull(),
    };

    private static JToken Scalar(ScalarNode s)
    {
        if (s.IsQuoted)
        {
            return new JValue(s.Value);
        }

        if (s.IsNull)
        {
            return JValue.CreateNull();
        }

        if (s.Value is "true" or "True" or "TRUE")
        {
            return new JValue(true);
        }

        if (s.Value is "false" or "False" or "FALSE")
        {
            return new JValue(false);
        }

        if (long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return new JValue(l);
        }

        if (double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && s.Value.Any(char.IsDigit))
        {
            return new JValue(d);
        }

        return new JValue(s.Value);
    }
}
