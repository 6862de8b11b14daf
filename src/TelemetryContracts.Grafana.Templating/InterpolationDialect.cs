namespace TelemetryContracts.Grafana.Templating;

/// <summary>Which datasource's default formatting applies to variables written without an explicit <c>:format</c>.</summary>
public enum InterpolationDialect
{
    /// <summary>Grafana's own default (glob): multi values become <c>{a,b}</c>.</summary>
    Plain,
    /// <summary>Loki datasource: single values raw; multi/All values regex-escaped and joined as <c>a|b</c>.</summary>
    Loki,
    /// <summary>Prometheus datasource: single values with <c>\</c> and <c>'</c> escaped; multi/All values regex-escaped and joined as <c>(a|b)</c>.</summary>
    Prometheus,
}
