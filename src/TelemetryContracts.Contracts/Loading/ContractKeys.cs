namespace TelemetryContracts.Contracts.Loading;

/// <summary>
/// The keys each part of a contract may have. The binder rejects others (with a did-you-mean), and a
/// test holds the JSON Schema to exactly these sets, so the schema and the reader cannot drift apart.
/// </summary>
public static class ContractKeys
{
    /// <summary>Top level.</summary>
    public static readonly string[] Root = { "$schema", "service", "namespace", "description", "scrape", "labels", "metrics", "logs", "slos" };

    /// <summary>Top-level keys starting with this are extension fields, ignored by the reader (a place for YAML anchors).</summary>
    public const string ExtensionPrefix = "x-";

    /// <summary><c>scrape</c>.</summary>
    public static readonly string[] Scrape = { "job", "port", "path", "scheme", "host", "interval", "auth" };

    /// <summary><c>scrape.auth</c> (map form).</summary>
    public static readonly string[] Auth = { "type", "token_env", "token_file", "username", "password_env", "password_file" };

    /// <summary>Keys that would hold a secret's value; rejected with TC1023.</summary>
    public static readonly string[] SecretValueKeys = { "token", "password", "bearer_token", "credentials", "secret", "api_key" };

    /// <summary>One entry of <c>labels</c>.</summary>
    public static readonly string[] Label = { "type", "values", "max_values", "description" };

    /// <summary>One entry of <c>metrics</c>.</summary>
    public static readonly string[] Metric = { "type", "help", "unit", "labels", "buckets", "value_type", "deprecated", "renamed_from", "required" };

    /// <summary>One entry of <c>logs</c>.</summary>
    public static readonly string[] Log = { "stream", "levels", "level_field", "message_field", "fields", "description" };

    /// <summary>One entry of a log stream's <c>fields</c> (map form).</summary>
    public static readonly string[] LogField = { "label", "description" };

    /// <summary>One entry of <c>slos</c>.</summary>
    public static readonly string[] Slo = { "metric", "quantile", "below", "errors", "objective", "window", "description" };

    /// <summary>Accepted <c>type</c> values of a metric.</summary>
    public static readonly IReadOnlyDictionary<string, MetricType> MetricTypes = new Dictionary<string, MetricType>(StringComparer.Ordinal)
    {
        ["counter"] = MetricType.Counter,
        ["gauge"] = MetricType.Gauge,
        ["updown_counter"] = MetricType.UpDownCounter,
        ["histogram"] = MetricType.Histogram,
    };

    /// <summary>Accepted <c>type</c> values of a label.</summary>
    public static readonly IReadOnlyDictionary<string, LabelType> LabelTypes = new Dictionary<string, LabelType>(StringComparer.Ordinal)
    {
        ["string"] = LabelType.String,
        ["int"] = LabelType.Int,
        ["bool"] = LabelType.Bool,
    };

    /// <summary>Accepted <c>value_type</c> values.</summary>
    public static readonly IReadOnlyDictionary<string, MetricValueType> ValueTypes = new Dictionary<string, MetricValueType>(StringComparer.Ordinal)
    {
        ["long"] = MetricValueType.Long,
        ["double"] = MetricValueType.Double,
    };

    /// <summary>Accepted <c>auth.type</c> values.</summary>
    public static readonly IReadOnlyDictionary<string, AuthType> AuthTypes = new Dictionary<string, AuthType>(StringComparer.Ordinal)
    {
        ["none"] = AuthType.None,
        ["bearer"] = AuthType.Bearer,
        ["basic"] = AuthType.Basic,
    };

    /// <summary>The levels a stream has when it declares none.</summary>
    public static readonly string[] DefaultLevels = { "DEBUG", "INFO", "WARN", "ERROR" };
}
