namespace TelemetryContracts.Checks;

/// <summary>
/// "Did you mean …?" for metric names: first the renames seen in incidents (Kubernetes vs Docker Compose cAdvisor
/// names, OpenTelemetry dotted names, <c>_total</c> and unit suffixes added or dropped by exporters), then edit distance.
/// </summary>
public static class MetricNameSuggester
{
    // Pairs that mean "the same thing under another deployment", with why, so the hint can say it.
    private static readonly (string A, string B, string Why)[] KnownPairs =
    {
        ("container_memory_working_set_bytes", "container_memory_usage_bytes", "Kubernetes dashboards use the working-set name; cAdvisor under Docker Compose is usually queried by usage"),
        ("container_cpu_usage_seconds_total", "container_cpu_user_seconds_total", "cAdvisor versions and runtimes differ in which CPU counters they expose"),
        ("container_network_receive_bytes_total", "container_network_receive_bytes", "older cAdvisor/exporters omit the _total suffix"),
        ("container_network_transmit_bytes_total", "container_network_transmit_bytes", "older cAdvisor/exporters omit the _total suffix"),
        ("kube_pod_container_status_restarts_total", "container_restart_count", "kube-state-metrics exists only on Kubernetes"),
    };

    private static readonly string[] UnitSuffixes =
    {
        "_seconds", "_milliseconds", "_ms", "_bytes", "_ratio", "_percent", "_total", "_count", "_sum", "_bucket", "_info",
    };

    /// <summary>The best candidate for <paramref name="wanted"/> with the reason, or null.</summary>
    public static (string Name, string Why)? Suggest(string wanted, IEnumerable<string> candidates)
    {
        var list = candidates.Where(c => c != wanted).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            return null;
        }

        var set = new HashSet<string>(list, StringComparer.Ordinal);
        foreach (var (a, b, why) in KnownPairs)
        {
            if (wanted == a && set.Contains(b))
            {
                return (b, why);
            }

            if (wanted == b && set.Contains(a))
            {
                return (a, why);
            }
        }

        var dotted = wanted.Replace('.', '_');
        if (dotted != wanted && set.Contains(dotted))
        {
            return (dotted, "OpenTelemetry's dotted name becomes underscores in Prometheus");
        }

        var stem = Stem(wanted);
        var sameStem = list.Where(c => Stem(c) == stem).OrderBy(c => c.Length).ToList();
        if (sameStem.Count > 0)
        {
            return (sameStem[0], "the same name with another unit or _total suffix (exporters add or drop them)");
        }

        var best = list.Select(c => (Name: c, Distance: Distance(wanted, c))).OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal).First();
        var limit = Math.Max(2, wanted.Length / 5);
        return best.Distance <= limit ? (best.Name, $"{best.Distance} character(s) apart") : null;
    }

    /// <summary>The name without the OpenTelemetry dots and the trailing unit/type suffixes.</summary>
    public static string Stem(string name)
    {
        var s = name.Replace('.', '_');
        bool changed;
        do
        {
            changed = false;
            foreach (var suffix in UnitSuffixes)
            {
                if (s.Length > suffix.Length && s.EndsWith(suffix, StringComparison.Ordinal))
                {
                    s = s[..^suffix.Length];
                    changed = true;
                }
            }
        }
        while (changed);

        return s;
    }

    /// <summary>Levenshtein distance.</summary>
    public static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
