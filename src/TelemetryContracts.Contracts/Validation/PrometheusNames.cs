namespace TelemetryContracts.Contracts.Validation;

/// <summary>The Prometheus data model's name rules (the classic character set every tool and dashboard accepts).</summary>
public static class PrometheusNames
{
    /// <summary>Why <paramref name="name"/> is not a valid metric name, or null when it is. Colons are reserved for recording rules.</summary>
    public static string? MetricNameProblem(string name)
    {
        if (name.Length == 0)
        {
            return "it is empty";
        }

        if (char.IsDigit(name[0]))
        {
            return "it starts with a digit";
        }

        foreach (var c in name)
        {
            if (c == ':')
            {
                return "colons are reserved for recording rules";
            }

            if (!IsWordChar(c))
            {
                return $"'{c}' is not allowed";
            }
        }

        return null;
    }

    /// <summary>Why <paramref name="name"/> is not a valid label name, or null when it is.</summary>
    public static string? LabelNameProblem(string name)
    {
        if (name.Length == 0)
        {
            return "it is empty";
        }

        if (char.IsDigit(name[0]))
        {
            return "it starts with a digit";
        }

        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            return "names starting with '__' are reserved for Prometheus' internal labels";
        }

        foreach (var c in name)
        {
            if (!IsWordChar(c))
            {
                return $"'{c}' is not allowed";
            }
        }

        return null;
    }

    /// <summary>True for a valid metric name.</summary>
    public static bool IsValidMetricName(string name) => MetricNameProblem(name) is null;

    /// <summary>True for a valid label name.</summary>
    public static bool IsValidLabelName(string name) => LabelNameProblem(name) is null;

    private static bool IsWordChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';
}
