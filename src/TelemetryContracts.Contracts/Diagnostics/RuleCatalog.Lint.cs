namespace TelemetryContracts.Diagnostics;

// TC6040–TC6099: dashboard lint (hand-written Grafana dashboards checked against contracts).
// TC6001–TC6039 belong to the PromQL/LogQL parsers.
public static partial class RuleCatalog
{
    private const string Lint = "Lint";

    /// <summary>The dashboard file is not valid JSON or not a dashboard object.</summary>
    public static Rule DashboardUnreadable { get; } = Define("TC6040", Severity.Error, Lint, "Dashboard cannot be read",
        "The dashboard cannot be read: {0}.", "Fix the JSON at the position shown (Grafana's JSON model editor refuses the same file), or remove the file from the lint input.");

    /// <summary>An element of the dashboard has the wrong shape; the rest of the dashboard is still checked.</summary>
    public static Rule DashboardShape { get; } = Define("TC6041", Severity.Warning, Lint, "Dashboard element has the wrong shape",
        "{0}; Grafana ignores or rejects this element.", "Correct the element to the shape of the Grafana dashboard model (panels and targets are arrays of objects).");

    /// <summary>A PromQL expression (after template expansion) does not parse.</summary>
    public static Rule PromQLSyntax { get; } = Define("TC6042", Severity.Error, Lint, "PromQL expression does not parse",
        "The PromQL expression does not parse: {0}.", "Fix the expression at the caret; Prometheus rejects it, so the panel shows an error instead of data.");

    /// <summary>A LogQL expression (after template expansion) does not parse.</summary>
    public static Rule LogQLSyntax { get; } = Define("TC6043", Severity.Error, Lint, "LogQL expression does not parse",
        "The LogQL expression does not parse: {0}.", "Fix the expression at the caret; Loki rejects it, so the panel shows an error instead of logs.");

    /// <summary>A target uses a datasource kind the lint does not check.</summary>
    public static Rule UncheckedTarget { get; } = Define("TC6044", Severity.Info, Lint, "Target not checked",
        "Target {0} uses {1}, which the lint does not check against contracts.", "Nothing to do if this is intended; only Prometheus and Loki targets are checked.");

    /// <summary>A library panel's queries are not in the dashboard file.</summary>
    public static Rule LibraryPanelUnchecked { get; } = Define("TC6045", Severity.Info, Lint, "Library panel not checked",
        "The panel uses library panel {0}, whose queries are stored in Grafana, not in this file.", "Pass the library panel's JSON (export it from Grafana) with --library-panels to check its queries too.");

    /// <summary>A metric name that no contract declares.</summary>
    public static Rule UnknownMetric { get; } = Define("TC6050", Severity.Error, Lint, "Unknown metric",
        "No contract declares the metric '{0}'{1}.", "Query a declared metric (the contracts list every exported name), or declare the metric in its service's contract; a name no service emits shows \"No data\".");

    /// <summary>A label matcher or grouping names a label the metric does not carry.</summary>
    public static Rule LabelNotOnMetric { get; } = Define("TC6051", Severity.Error, Lint, "Label not declared for the metric",
        "The metric '{0}' has no label '{1}' (declared: {2}){3}.", "Use one of the declared labels, or add the label to the metric in the contract; a matcher on a label the series do not carry selects nothing.");

    /// <summary>A matcher compares a closed-set label with a value outside the set.</summary>
    public static Rule LabelValueOutsideSet { get; } = Define("TC6052", Severity.Error, Lint, "Label value outside the declared set",
        "The label '{0}' of '{1}' never has the value '{2}' (declared values: {3}){4}.", "Use one of the declared values; the contract's closed set is what the service can emit.");

    /// <summary>A selector that can never select a series.</summary>
    public static Rule MatcherNeverMatches { get; } = Define("TC6053", Severity.Error, Lint, "Matcher can never match",
        "The selector {0} can never match a series of '{1}': {2}.", "Correct or remove the matcher; as written the panel always shows \"No data\".");

    /// <summary>rate/increase/irate over a gauge.</summary>
    public static Rule RateOnGauge { get; } = Define("TC6054", Severity.Warning, Lint, "rate() on a gauge",
        "{0}() is applied to '{1}', which the contract declares as a {2}.", "Use deriv() or delta() for gauges, or the gauge itself; rate() assumes a monotonic counter and turns every decrease into a reset.");

    /// <summary>histogram_quantile over something that is not a histogram's _bucket series.</summary>
    public static Rule QuantileNotOnBucket { get; } = Define("TC6055", Severity.Error, Lint, "histogram_quantile() not on a _bucket series",
        "histogram_quantile() needs the _bucket series of a histogram, but '{0}' {1}.", "Apply it to rate(<histogram>_bucket[...]) with 'le' kept in the grouping, e.g. histogram_quantile(0.95, sum by (le) (rate({2}[5m]))).");

    /// <summary>A LogQL stream selector names a label no declared stream has.</summary>
    public static Rule UnknownStreamLabel { get; } = Define("TC6056", Severity.Error, Lint, "Stream label not declared",
        "No declared log stream has the label '{0}' (stream labels: {1}){2}.", "Select streams by the labels the contracts declare for the collector to attach; Loki returns nothing for a label no stream carries.");

    /// <summary>A LogQL stream selector compares a label with a value no declared stream has.</summary>
    public static Rule UnknownStreamValue { get; } = Define("TC6057", Severity.Error, Lint, "Stream label value not declared",
        "No declared log stream has {0}=\"{1}\" (declared: {2}).", "Use the declared value, or make the log collector attach it (the report's dashboards asked for source=\"scanium-backend\" while the collector attached source=\"docker\").");

    /// <summary>A field extracted with | json or referenced after a parser is not declared for the stream.</summary>
    public static Rule UndeclaredLogField { get; } = Define("TC6058", Severity.Warning, Lint, "Log field not declared",
        "The log field '{0}' is not declared for the selected stream(s) (fields: {1}).", "Use a declared field, or add the field to the stream's 'fields' in the contract so every emitter writes it.");

    /// <summary>A datasource UID that the contracts' provisioning does not create.</summary>
    public static Rule UnknownDatasourceUid { get; } = Define("TC6059", Severity.Error, Lint, "Datasource UID not provisioned",
        "The datasource uid '{0}' is not provisioned (provisioned: {1}).", "Use a provisioned datasource uid, or a datasource variable; Grafana shows \"Datasource not found\" for an unknown uid.");

    /// <summary>A template variable's own query references something the contracts do not declare.</summary>
    public static Rule VariableQueryInvalid { get; } = Define("TC6060", Severity.Error, Lint, "Template variable query invalid",
        "The query of variable '{0}' {1}.", "Fix the variable definition; an empty variable makes every panel that uses it show \"No data\".");
}
