using System.Text;
using Newtonsoft.Json.Linq;

namespace TelemetryContracts.Contracts.Schema;

/// <summary>
/// The contract format reference (a Markdown table per section), rendered from the JSON Schema so the
/// README cannot describe a key the reader does not accept, or miss one it does.
/// </summary>
public static class ContractFormatDoc
{
    private static readonly (string Title, string Definition)[] Sections =
    {
        ("Top level", ""),
        ("`scrape`", "ScrapeDocument"),
        ("`scrape.auth`", "ScrapeAuthDocument"),
        ("`labels.<name>`", "LabelDocument"),
        ("`metrics.<name>`", "MetricDocument"),
        ("`logs.<name>`", "LogStreamDocument"),
        ("`logs.<name>.fields.<field>`", "LogFieldDocument"),
        ("`slos.<name>`", "SloDocument"),
    };

    /// <summary>The Markdown reference.</summary>
    public static string Render()
    {
        var root = JObject.Parse(ContractSchema.GenerateJson());
        var sb = new StringBuilder();
        foreach (var (title, def) in Sections)
        {
            var obj = def.Length == 0 ? root : (JObject)root["definitions"]![def]!;
            var required = ((JArray?)obj["required"])?.Select(t => (string)t!).ToHashSet() ?? new HashSet<string>();
            sb.Append("#### ").Append(title).Append("\n\n| key | type | required | meaning |\n|---|---|---|---|\n");
            foreach (var p in ((JObject)obj["properties"]!).Properties())
            {
                var schema = (JObject)p.Value;
                sb.Append("| `").Append(p.Name).Append("` | ").Append(TypeOf(schema)).Append(" | ").Append(required.Contains(p.Name) ? "yes" : "")
                    .Append(" | ").Append(((string?)schema["description"] ?? "").Replace("|", "\\|")).Append(" |\n");
            }

            sb.Append('\n');
        }

        return sb.ToString().TrimEnd() + "\n";
    }

    private static string TypeOf(JObject s)
    {
        if (s["enum"] is JArray e)
        {
            return string.Join(" \\| ", e.Select(v => "`" + v + "`"));
        }

        if (s["oneOf"] is JArray one)
        {
            return string.Join(" or ", one.Select(o => TypeOf((JObject)o)).Where(t => t != "null"));
        }

        if (s["$ref"] is JValue r)
        {
            return "map (" + ((string)r!).Split('/').Last().Replace("Document", "") + ")";
        }

        var type = s["type"] switch
        {
            JArray a => string.Join(" or ", a.Select(t => (string)t!).Where(t => t != "null")),
            JValue v => (string)v!,
            _ => "any",
        };
        if (type == "array" && s["items"] is JObject items)
        {
            return "list of " + TypeOf(items);
        }

        if (type == "object" && s["additionalProperties"] is JObject ap)
        {
            return "map of name → " + TypeOf(ap);
        }

        return type;
    }
}
