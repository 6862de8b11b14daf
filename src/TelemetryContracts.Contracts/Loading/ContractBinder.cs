using System.Globalization;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Contracts.Loading;

/// <summary>
/// Binds a document tree to the typed model. Structural problems (wrong shapes, missing or unknown keys,
/// values of the wrong type) become findings; the binder always returns a model with what it could bind,
/// so validation can still report the semantic problems of the rest of the file.
/// </summary>
public sealed class ContractBinder
{
    private readonly string file;
    private readonly ICollection<Finding> findings;

    private ContractBinder(string file, ICollection<Finding> findings)
    {
        this.file = file;
        this.findings = findings;
    }

    /// <summary>Binds <paramref name="root"/> (null when the file was empty or unreadable).</summary>
    public static TelemetryContract Bind(string file, ContractNode? root, ICollection<Finding> findings) =>
        new ContractBinder(file, findings).BindRoot(root);

    private FindingLocation At(SourceSpan span, string? path = null) => FindingLocation.InFile(file, span, path);

    private TelemetryContract BindRoot(ContractNode? root)
    {
        if (root is null || root is ScalarNode { IsNull: true })
        {
            var span = root?.Span ?? SourceSpan.FileStart;
            findings.Add(RuleCatalog.MissingRequired.At(At(span), "The contract", "service", " (the file is empty)"));
            return new TelemetryContract { FilePath = file, Span = span, Node = root };
        }

        if (root is not MappingNode map)
        {
            findings.Add(RuleCatalog.WrongNodeType.At(At(root.Span), "The contract", "a map with 'service', 'metrics', 'logs'…", root.Describe()));
            return new TelemetryContract { FilePath = file, Span = root.Span, Node = root };
        }

        CheckKeys(map, ContractKeys.Root, "the contract", "");
        var service = RequiredString(map, "service", "The contract", "") ?? "";
        var ns = OptionalString(map, "namespace", "") ?? "";
        var labels = BindMap(map, "labels", BindLabel);
        var metrics = BindMap(map, "metrics", (name, key, node) => BindMetric(name, key, node, ns));
        var logs = BindMap(map, "logs", BindLog);
        var slos = BindMap(map, "slos", BindSlo);
        var scrape = map.Find("scrape") is { } s ? BindScrape(s.Value, service) : null;

        return new TelemetryContract
        {
            FilePath = file,
            Span = root.Span,
            Node = root,
            Service = service,
            Namespace = ns,
            Description = OptionalString(map, "description", ""),
            Scrape = scrape,
            Labels = labels,
            Metrics = metrics,
            Logs = logs,
            Slos = slos,
        };
    }

    private ScrapeConfig? BindScrape(ContractNode node, string service)
    {
        if (!ExpectMap(node, "'scrape'", out var map))
        {
            return null;
        }

        CheckKeys(map, ContractKeys.Scrape, "'scrape'", "scrape");
        var port = OptionalInt(map, "port", "scrape.port");
        if (map.Find("port") is null)
        {
            findings.Add(RuleCatalog.MissingRequired.At(At(node.Span, "scrape"), "'scrape'", "port", " (the port serving the metrics path)"));
        }
        else if (port is { } p && (p < 1 || p > 65535))
        {
            findings.Add(RuleCatalog.InvalidValue.At(At(map.Find("port")!.Value.Span, "scrape.port"), "'scrape.port'", p, "a TCP port from 1 to 65535", ""));
        }

        var path = OptionalString(map, "path", "scrape.path") ?? "/metrics";
        if (!path.StartsWith("/", StringComparison.Ordinal))
        {
            findings.Add(RuleCatalog.InvalidValue.At(At(map.Find("path")!.Value.Span, "scrape.path"), "'scrape.path'", path, "an absolute path starting with '/'", ""));
        }

        var scheme = OptionalString(map, "scheme", "scrape.scheme") ?? "http";
        if (scheme != "http" && scheme != "https")
        {
            findings.Add(RuleCatalog.InvalidValue.At(At(map.Find("scheme")!.Value.Span, "scrape.scheme"), "'scrape.scheme'", scheme, "'http' or 'https'", DidYouMean.Suffix(scheme, new[] { "http", "https" })));
        }

        var interval = OptionalString(map, "interval", "scrape.interval");
        if (interval is not null && !PrometheusDuration.IsValid(interval))
        {
            findings.Add(RuleCatalog.InvalidValue.At(At(map.Find("interval")!.Value.Span, "scrape.interval"), "'scrape.interval'", interval, "a Prometheus duration such as 15s or 1m", ""));
        }

        return new ScrapeConfig
        {
            Span = node.Span,
            Node = node,
            Job = OptionalString(map, "job", "scrape.job") ?? service,
            Port = port ?? 0,
            Path = path,
            Scheme = scheme,
            Host = OptionalString(map, "host", "scrape.host"),
            Interval = interval,
            Auth = map.Find("auth") is { } a ? BindAuth(a.Value) : ScrapeAuth.None,
        };
    }

    private ScrapeAuth BindAuth(ContractNode node)
    {
        if (node is ScalarNode scalar)
        {
            var type = ParseEnum(scalar, ContractKeys.AuthTypes, "'scrape.auth'", "scrape.auth") ?? AuthType.None;
            if (type != AuthType.None)
            {
                var secretKey = type == AuthType.Bearer ? "token_env' or 'token_file" : "username' and 'password_env' or 'password_file";
                findings.Add(RuleCatalog.MissingRequired.At(At(node.Span, "scrape.auth"), $"'scrape.auth: {scalar.Value}'", secretKey,
                    $" (write auth as a map, e.g. {{ type: {scalar.Value}, {(type == AuthType.Bearer ? "token_env: METRICS_TOKEN" : "username: prometheus, password_env: METRICS_PASSWORD")} }}, so tools know where the secret comes from)"));
            }

            return new ScrapeAuth { Type = type, Span = node.Span, Node = node };
        }

        if (!ExpectMap(node, "'scrape.auth'", out var map))
        {
            return ScrapeAuth.None;
        }

        var inlineSecret = false;
        foreach (var e in map.Entries)
        {
            if (Array.IndexOf(ContractKeys.SecretValueKeys, e.Name) >= 0)
            {
                var envKey = e.Name.Contains("password") ? "password_env" : "token_env";
                var fileKey = e.Name.Contains("password") ? "password_file" : "token_file";
                findings.Add(RuleCatalog.InlineSecret.At(At(e.Key.Span, "scrape.auth." + e.Name), "scrape.auth." + e.Name, envKey, fileKey));
                inlineSecret = true;
            }
        }

        CheckKeys(map, ContractKeys.Auth.Concat(ContractKeys.SecretValueKeys).ToArray(), "'scrape.auth'", "scrape.auth", ContractKeys.Auth);
        AuthType authType = AuthType.None;
        if (map.Find("type") is { } t && t.Value is ScalarNode ts)
        {
            authType = ParseEnum(ts, ContractKeys.AuthTypes, "'scrape.auth.type'", "scrape.auth.type") ?? AuthType.None;
        }
        else if (map.Find("type") is null)
        {
            findings.Add(RuleCatalog.MissingRequired.At(At(node.Span, "scrape.auth"), "'scrape.auth'", "type", " (none, bearer or basic)"));
        }

        var auth = new ScrapeAuth
        {
            Span = node.Span,
            Node = node,
            Type = authType,
            TokenEnv = OptionalString(map, "token_env", "scrape.auth.token_env"),
            TokenFile = OptionalString(map, "token_file", "scrape.auth.token_file"),
            Username = OptionalString(map, "username", "scrape.auth.username"),
            PasswordEnv = OptionalString(map, "password_env", "scrape.auth.password_env"),
            PasswordFile = OptionalString(map, "password_file", "scrape.auth.password_file"),
        };
        if (inlineSecret)
        {
            // The secret's source is what TC1023 asks for; saying it twice would only add noise.
            return auth;
        }

        if (authType == AuthType.Bearer && auth.TokenEnv is null && auth.TokenFile is null)
        {
            findings.Add(RuleCatalog.MissingRequired.At(At(node.Span, "scrape.auth"), "Bearer auth", "token_env' or 'token_file", " (where the scraper and the doctor read the token from)"));
        }

        if (authType == AuthType.Basic)
        {
            if (auth.Username is null)
            {
                findings.Add(RuleCatalog.MissingRequired.At(At(node.Span, "scrape.auth"), "Basic auth", "username", ""));
            }

            if (auth.PasswordEnv is null && auth.PasswordFile is null)
            {
                findings.Add(RuleCatalog.MissingRequired.At(At(node.Span, "scrape.auth"), "Basic auth", "password_env' or 'password_file", ""));
            }
        }

        return auth;
    }

    private LabelDefinition? BindLabel(string name, ScalarNode key, ContractNode node)
    {
        if (node is ScalarNode { IsNull: true })
        {
            return new LabelDefinition { Name = name, Span = key.Span, Node = node };
        }

        if (!ExpectMap(node, $"The label '{name}'", out var map))
        {
            return null;
        }

        var path = "labels." + name;
        CheckKeys(map, ContractKeys.Label, $"the label '{name}'", path);
        var type = map.Find("type") is { Value: ScalarNode ts } ? ParseEnum(ts, ContractKeys.LabelTypes, $"The type of label '{name}'", path + ".type") ?? LabelType.String : LabelType.String;
        if (map.Find("type") is { Value: not ScalarNode } bad)
        {
            findings.Add(RuleCatalog.WrongNodeType.At(At(bad.Value.Span, path + ".type"), $"The type of label '{name}'", "one of string, int, bool", bad.Value.Describe()));
        }

        return new LabelDefinition
        {
            Name = name,
            Span = key.Span,
            Node = node,
            Type = type,
            Values = map.Find("values") is not null ? StringList(map, "values", path + ".values") : null,
            MaxValues = OptionalInt(map, "max_values", path + ".max_values"),
            Description = OptionalString(map, "description", path + ".description"),
        };
    }

    private MetricDefinition? BindMetric(string name, ScalarNode key, ContractNode node, string ns)
    {
        if (!ExpectMap(node, $"The metric '{name}'", out var map))
        {
            return null;
        }

        var path = "metrics." + name;
        CheckKeys(map, ContractKeys.Metric, $"the metric '{name}'", path);
        MetricType type = MetricType.Gauge;
        if (map.Find("type") is null)
        {
            findings.Add(RuleCatalog.MissingRequired.At(At(key.Span, path), $"The metric '{name}'", "type", " (counter, gauge, updown_counter or histogram)"));
        }
        else if (map.Find("type")!.Value is ScalarNode ts)
        {
            // A misspelt type is reported once; the closest valid type keeps the other rules from
            // piling follow-on findings onto the same typo.
            type = ParseEnum(ts, ContractKeys.MetricTypes, $"The type of metric '{name}'", path + ".type")
                ?? (DidYouMean.Best(ts.Value, ContractKeys.MetricTypes.Keys) is { } guess ? ContractKeys.MetricTypes[guess] : MetricType.Gauge);
        }
        else
        {
            findings.Add(RuleCatalog.WrongNodeType.At(At(map.Find("type")!.Value.Span, path + ".type"), $"The type of metric '{name}'", "a scalar", map.Find("type")!.Value.Describe()));
        }

        var help = RequiredString(map, "help", $"The metric '{name}'", path, key.Span) ?? "";
        var valueType = map.Find("value_type") is { Value: ScalarNode vt }
            ? ParseEnum(vt, ContractKeys.ValueTypes, $"The value_type of metric '{name}'", path + ".value_type") ?? DefaultValueType(type)
            : DefaultValueType(type);

        string? deprecated = null;
        if (map.Find("deprecated") is { Value: ScalarNode dep } && !dep.IsNull)
        {
            deprecated = !dep.IsQuoted && dep.Value == "false" ? null : !dep.IsQuoted && dep.Value == "true" ? "deprecated" : dep.Value;
        }

        return new MetricDefinition
        {
            Name = name,
            FullName = ns.Length == 0 ? name : ns + "_" + name,
            Span = key.Span,
            Node = node,
            Type = type,
            ValueType = valueType,
            Help = help,
            Unit = OptionalString(map, "unit", path + ".unit"),
            Labels = map.Find("labels") is not null ? StringList(map, "labels", path + ".labels") : Array.Empty<string>(),
            Buckets = map.Find("buckets") is not null ? NumberList(map, "buckets", path + ".buckets") : null,
            Deprecated = deprecated,
            RenamedFrom = OptionalString(map, "renamed_from", path + ".renamed_from"),
            Required = OptionalBool(map, "required", path + ".required") ?? true,
        };
    }

    private static MetricValueType DefaultValueType(MetricType type) =>
        type is MetricType.Counter or MetricType.UpDownCounter ? MetricValueType.Long : MetricValueType.Double;

    private LogStreamDefinition? BindLog(string name, ScalarNode key, ContractNode node)
    {
        if (!ExpectMap(node, $"The log stream '{name}'", out var map))
        {
            return null;
        }

        var path = "logs." + name;
        CheckKeys(map, ContractKeys.Log, $"the log stream '{name}'", path);
        var labels = new List<StreamLabel>();
        if (map.Find("stream") is not { } stream)
        {
            findings.Add(RuleCatalog.MissingRequired.At(At(key.Span, path), $"The log stream '{name}'", "stream", " (the Loki stream labels, e.g. { source: my-service, env: $env })"));
        }
        else if (ExpectMap(stream.Value, $"'{path}.stream'", out var streamMap))
        {
            foreach (var e in streamMap.Entries)
            {
                if (e.Value is not ScalarNode v || v.IsNull)
                {
                    findings.Add(RuleCatalog.WrongNodeType.At(At(e.Value.Span, path + ".stream." + e.Name), $"The stream label '{e.Name}'", "a fixed value or a $label reference", e.Value.Describe()));
                    continue;
                }

                var isRef = !v.IsQuoted && v.Value.StartsWith("$", StringComparison.Ordinal) && v.Value.Length > 1;
                labels.Add(new StreamLabel
                {
                    Name = e.Name,
                    Span = e.Key.Span,
                    Node = e.Value,
                    FixedValue = isRef ? null : v.Value,
                    LabelRef = isRef ? v.Value.Substring(1).Trim('{', '}') : null,
                });
            }
        }

        var fields = new List<LogField>();
        if (map.Find("fields") is { } f)
        {
            if (f.Value is SequenceNode seq)
            {
                foreach (var item in seq.Items)
                {
                    if (item is ScalarNode s && !s.IsNull)
                    {
                        fields.Add(new LogField { Name = s.Value, Span = s.Span, Node = s });
                    }
                    else
                    {
                        findings.Add(RuleCatalog.WrongNodeType.At(At(item.Span, path + ".fields"), "A field name", "a scalar", item.Describe()));
                    }
                }
            }
            else if (f.Value is MappingNode fm)
            {
                foreach (var e in fm.Entries)
                {
                    if (e.Value is ScalarNode { IsNull: true })
                    {
                        fields.Add(new LogField { Name = e.Name, Span = e.Key.Span, Node = e.Value });
                    }
                    else if (ExpectMap(e.Value, $"The field '{e.Name}'", out var fmap))
                    {
                        CheckKeys(fmap, ContractKeys.LogField, $"the field '{e.Name}'", path + ".fields." + e.Name);
                        fields.Add(new LogField
                        {
                            Name = e.Name,
                            Span = e.Key.Span,
                            Node = e.Value,
                            LabelRef = OptionalString(fmap, "label", path + ".fields." + e.Name + ".label"),
                            Description = OptionalString(fmap, "description", path + ".fields." + e.Name + ".description"),
                        });
                    }
                }
            }
            else if (!(f.Value is ScalarNode { IsNull: true }))
            {
                findings.Add(RuleCatalog.WrongNodeType.At(At(f.Value.Span, path + ".fields"), $"'{path}.fields'", "a list of field names or a map", f.Value.Describe()));
            }
        }

        return new LogStreamDefinition
        {
            Name = name,
            Span = key.Span,
            Node = node,
            Labels = labels,
            Levels = map.Find("levels") is not null ? StringList(map, "levels", path + ".levels") : ContractKeys.DefaultLevels,
            LevelField = OptionalString(map, "level_field", path + ".level_field") ?? "level",
            MessageField = OptionalString(map, "message_field", path + ".message_field") ?? "msg",
            Fields = fields,
            Description = OptionalString(map, "description", path + ".description"),
        };
    }

    private SloDefinition? BindSlo(string name, ScalarNode key, ContractNode node)
    {
        if (!ExpectMap(node, $"The SLO '{name}'", out var map))
        {
            return null;
        }

        var path = "slos." + name;
        CheckKeys(map, ContractKeys.Slo, $"the SLO '{name}'", path);
        var metric = RequiredString(map, "metric", $"The SLO '{name}'", path, key.Span) ?? "";
        var quantile = OptionalDouble(map, "quantile", path + ".quantile");
        var below = OptionalDouble(map, "below", path + ".below");
        if (map.Find("below") is null)
        {
            findings.Add(RuleCatalog.MissingRequired.At(At(key.Span, path), $"The SLO '{name}'", "below", " (the latency threshold or the highest error ratio)"));
        }

        var errors = new List<KeyValuePair<string, string>>();
        if (map.Find("errors") is { } em && ExpectMap(em.Value, $"'{path}.errors'", out var errorMap))
        {
            foreach (var e in errorMap.Entries)
            {
                if (e.Value is ScalarNode v && !v.IsNull)
                {
                    errors.Add(new KeyValuePair<string, string>(e.Name, v.Value));
                }
                else
                {
                    findings.Add(RuleCatalog.WrongNodeType.At(At(e.Value.Span, path + ".errors." + e.Name), $"The error matcher '{e.Name}'", "a regular expression string", e.Value.Describe()));
                }
            }
        }

        SloKind kind;
        if (quantile is not null && map.Find("errors") is not null)
        {
            findings.Add(RuleCatalog.InvalidValue.At(At(key.Span, path), $"The SLO '{name}'", "both 'quantile' and 'errors'", "either a latency SLO (quantile) or an error-ratio SLO (errors)", ""));
            kind = SloKind.Latency;
        }
        else if (quantile is not null)
        {
            kind = SloKind.Latency;
            if (quantile <= 0 || quantile >= 1)
            {
                findings.Add(RuleCatalog.InvalidValue.At(At(map.Find("quantile")!.Value.Span, path + ".quantile"), $"The quantile of SLO '{name}'", quantile.Value.ToString("R", CultureInfo.InvariantCulture), "between 0 and 1 (e.g. 0.95)", ""));
            }
        }
        else if (map.Find("errors") is not null)
        {
            kind = SloKind.ErrorRatio;
            if (below is { } b && (b <= 0 || b >= 1))
            {
                findings.Add(RuleCatalog.InvalidValue.At(At(map.Find("below")!.Value.Span, path + ".below"), $"The error ratio of SLO '{name}'", b.ToString("R", CultureInfo.InvariantCulture), "a ratio between 0 and 1 (e.g. 0.01 for 1%)", ""));
            }
        }
        else
        {
            findings.Add(RuleCatalog.MissingRequired.At(At(key.Span, path), $"The SLO '{name}'", "quantile' or 'errors", " (a latency SLO names a quantile, an error-ratio SLO names the error matchers)"));
            kind = SloKind.Latency;
        }

        var objective = OptionalDouble(map, "objective", path + ".objective");
        if (objective is { } o && (o <= 0 || o >= 1))
        {
            findings.Add(RuleCatalog.InvalidValue.At(At(map.Find("objective")!.Value.Span, path + ".objective"), $"The objective of SLO '{name}'", o.ToString("R", CultureInfo.InvariantCulture), "a ratio between 0 and 1 (e.g. 0.99)", ""));
        }

        var window = OptionalString(map, "window", path + ".window") ?? "30d";
        if (!PrometheusDuration.IsValid(window))
        {
            findings.Add(RuleCatalog.InvalidValue.At(At(map.Find("window")!.Value.Span, path + ".window"), $"The window of SLO '{name}'", window, "a Prometheus duration such as 30d or 4w", ""));
        }

        var below0 = below ?? 0;
        return new SloDefinition
        {
            Name = name,
            Span = key.Span,
            Node = node,
            Kind = kind,
            Metric = metric,
            Quantile = quantile,
            Below = below0,
            Errors = errors,
            Objective = objective ?? (kind == SloKind.Latency ? quantile ?? 0.99 : 1 - below0),
            Window = window,
            Description = OptionalString(map, "description", path + ".description"),
        };
    }

    // ---- helpers ------------------------------------------------------------------------------

    private IReadOnlyList<T> BindMap<T>(MappingNode parent, string key, Func<string, ScalarNode, ContractNode, T?> bind)
        where T : class
    {
        var list = new List<T>();
        if (parent.Find(key) is not { } entry || entry.Value is ScalarNode { IsNull: true })
        {
            return list;
        }

        if (entry.Value is not MappingNode map)
        {
            findings.Add(RuleCatalog.WrongNodeType.At(At(entry.Value.Span, key), $"'{key}'", "a map of names to definitions", entry.Value.Describe()));
            return list;
        }

        foreach (var e in map.Entries)
        {
            if (bind(e.Name, e.Key, e.Value) is { } item)
            {
                list.Add(item);
            }
        }

        return list;
    }

    private bool ExpectMap(ContractNode node, string what, out MappingNode map)
    {
        if (node is MappingNode m)
        {
            map = m;
            return true;
        }

        map = null!;
        findings.Add(RuleCatalog.WrongNodeType.At(At(node.Span), what, "a map", node.Describe()));
        return false;
    }

    private void CheckKeys(MappingNode map, string[] allowed, string what, string path, string[]? suggest = null)
    {
        foreach (var e in map.Entries)
        {
            // Top-level "x-" keys are extension fields (as in Compose files): a home for YAML anchors.
            var extension = path.Length == 0 && e.Name.StartsWith(ContractKeys.ExtensionPrefix, StringComparison.Ordinal);
            if (!extension && Array.IndexOf(allowed, e.Name) < 0)
            {
                findings.Add(RuleCatalog.UnknownKey.At(At(e.Key.Span, path.Length == 0 ? e.Name : path + "." + e.Name), e.Name, what, DidYouMean.Suffix(e.Name, suggest ?? allowed)));
            }
        }
    }

    private string? RequiredString(MappingNode map, string key, string owner, string path, SourceSpan? ownerSpan = null)
    {
        if (map.Find(key) is null)
        {
            findings.Add(RuleCatalog.MissingRequired.At(At(ownerSpan ?? map.Span, path), owner, key, ""));
            return null;
        }

        var value = OptionalString(map, key, path.Length == 0 ? key : path + "." + key);
        if (value is { Length: 0 })
        {
            findings.Add(RuleCatalog.MissingRequired.At(At(map.Find(key)!.Value.Span, path), owner, key, " (it is empty)"));
        }

        return value;
    }

    private string? OptionalString(MappingNode map, string key, string path)
    {
        if (map.Find(key) is not { } e)
        {
            return null;
        }

        if (e.Value is ScalarNode s)
        {
            return s.IsNull ? null : s.Value;
        }

        findings.Add(RuleCatalog.WrongNodeType.At(At(e.Value.Span, path), $"'{path}'", "a scalar", e.Value.Describe()));
        return null;
    }

    private int? OptionalInt(MappingNode map, string key, string path)
    {
        var text = OptionalString(map, key, path);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }

        findings.Add(RuleCatalog.InvalidValue.At(At(map.Find(key)!.Value.Span, path), $"'{path}'", text, "a whole number", ""));
        return null;
    }

    private bool? OptionalBool(MappingNode map, string key, string path)
    {
        var text = OptionalString(map, key, path);
        switch (text)
        {
            case null:
                return null;
            case "true":
            case "True":
            case "yes":
                return true;
            case "false":
            case "False":
            case "no":
                return false;
            default:
                findings.Add(RuleCatalog.InvalidValue.At(At(map.Find(key)!.Value.Span, path), $"'{path}'", text, "true or false", ""));
                return null;
        }
    }

    private double? OptionalDouble(MappingNode map, string key, string path)
    {
        var text = OptionalString(map, key, path);
        if (text is null)
        {
            return null;
        }

        if (Numbers.TryParse(text, out var v))
        {
            return v;
        }

        findings.Add(RuleCatalog.InvalidValue.At(At(map.Find(key)!.Value.Span, path), $"'{path}'", text, "a number", ""));
        return null;
    }

    private IReadOnlyList<string> StringList(MappingNode map, string key, string path)
    {
        var node = map.Find(key)!.Value;
        if (node is ScalarNode { IsNull: true })
        {
            return Array.Empty<string>();
        }

        if (node is not SequenceNode seq)
        {
            findings.Add(RuleCatalog.WrongNodeType.At(At(node.Span, path), $"'{path}'", "a list", node.Describe()));
            return Array.Empty<string>();
        }

        var list = new List<string>(seq.Items.Count);
        foreach (var item in seq.Items)
        {
            if (item is ScalarNode s && !s.IsNull)
            {
                list.Add(s.Value);
            }
            else
            {
                findings.Add(RuleCatalog.WrongNodeType.At(At(item.Span, path), $"An item of '{path}'", "a scalar", item.Describe()));
            }
        }

        return list;
    }

    private IReadOnlyList<double> NumberList(MappingNode map, string key, string path)
    {
        var node = map.Find(key)!.Value;
        if (node is ScalarNode { IsNull: true })
        {
            return Array.Empty<double>();
        }

        if (node is not SequenceNode seq)
        {
            findings.Add(RuleCatalog.WrongNodeType.At(At(node.Span, path), $"'{path}'", "a list of numbers", node.Describe()));
            return Array.Empty<double>();
        }

        var list = new List<double>(seq.Items.Count);
        foreach (var item in seq.Items)
        {
            if (item is ScalarNode s && Numbers.TryParse(s.Value, out var v))
            {
                list.Add(v);
            }
            else
            {
                findings.Add(RuleCatalog.InvalidValue.At(At(item.Span, path), $"An item of '{path}'", item is ScalarNode sc ? sc.Value : item.Describe(), "a number", ""));
            }
        }

        return list;
    }

    private T? ParseEnum<T>(ScalarNode node, IReadOnlyDictionary<string, T> values, string what, string path)
        where T : struct
    {
        if (values.TryGetValue(node.Value, out var v))
        {
            return v;
        }

        findings.Add(RuleCatalog.InvalidValue.At(At(node.Span, path), what, node.Value,
            "one of " + string.Join(", ", values.Keys), DidYouMean.Suffix(node.Value, values.Keys)));
        return null;
    }
}
