namespace TelemetryContracts.Runtime.Internal;

/// <summary>Prometheus name rules, checked when a family is created so that a bad name fails at start-up, not at scrape time.</summary>
internal static class NameRules
{
    public static void ValidateMetricName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var ok = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' or ':' || (i > 0 && c is >= '0' and <= '9');
            if (!ok)
            {
                throw new ArgumentException($"Metric name '{name}' has '{c}' at position {i}; Prometheus names match [a-zA-Z_:][a-zA-Z0-9_:]*.", nameof(name));
            }
        }
    }

    public static void ValidateLabelNames(string metric, string[] labelNames, bool histogram)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var label in labelNames)
        {
            if (string.IsNullOrEmpty(label))
            {
                throw new ArgumentException($"Metric '{metric}' has an empty label name.", nameof(labelNames));
            }

            for (var i = 0; i < label.Length; i++)
            {
                var c = label[i];
                var ok = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' || (i > 0 && c is >= '0' and <= '9');
                if (!ok)
                {
                    throw new ArgumentException($"Label '{label}' of metric '{metric}' has '{c}' at position {i}; label names match [a-zA-Z_][a-zA-Z0-9_]*.", nameof(labelNames));
                }
            }

            if (label.StartsWith("__", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Label '{label}' of metric '{metric}' starts with '__', which Prometheus reserves.", nameof(labelNames));
            }

            if (histogram && label == "le")
            {
                throw new ArgumentException($"Histogram '{metric}' declares label 'le', which the bucket label uses.", nameof(labelNames));
            }

            if (!seen.Add(label))
            {
                throw new ArgumentException($"Metric '{metric}' declares label '{label}' twice.", nameof(labelNames));
            }
        }
    }
}
