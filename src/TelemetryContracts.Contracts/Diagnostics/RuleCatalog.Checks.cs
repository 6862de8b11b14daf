namespace TelemetryContracts.Diagnostics;

// TC5001–TC5099: live checks (issue 6): the metrics endpoint, the TSDB (Prometheus, Mimir, VictoriaMetrics),
// Loki and Grafana. Each finding names the first broken link of the pipeline service → scrape → TSDB → Loki → Grafana.
public static partial class RuleCatalog
{
    private const string Check = "Check";

    // --- reaching a backend (any of the four); the message names which one ---

    /// <summary>The host name of a backend URL does not resolve.</summary>
    public static Rule HostDoesNotResolve { get; } = Define("TC5001", Severity.Error, Check, "Host name does not resolve",
        "{0} at {1} cannot be reached: the host name '{2}' does not resolve.", "Check the host name; inside Docker Compose or Kubernetes a service name resolves only on the same network/namespace as the caller.");

    /// <summary>Nothing listens on the port.</summary>
    public static Rule ConnectionRefused { get; } = Define("TC5002", Severity.Error, Check, "Connection refused",
        "{0} at {1} refused the connection: nothing listens on port {2}.", "{3}");

    /// <summary>The backend accepted but did not answer in time.</summary>
    public static Rule RequestTimedOut { get; } = Define("TC5003", Severity.Error, Check, "No answer within the timeout",
        "{0} at {1} did not answer within {2}.", "Check that the process is not hung or overloaded; raise --timeout only if the endpoint is known to be slow.");

    /// <summary>TLS handshake or certificate failure.</summary>
    public static Rule TlsFailure { get; } = Define("TC5004", Severity.Error, Check, "TLS handshake failed",
        "{0} at {1} failed the TLS handshake: {2}.", "Use http:// if the endpoint does not serve TLS, or fix the certificate (name, chain, expiry).");

    /// <summary>401/403.</summary>
    public static Rule Unauthorized { get; } = Define("TC5005", Severity.Error, Check, "Authentication refused",
        "{0} at {1} answered HTTP {2} {3}.", "{4}");

    /// <summary>404 on the path.</summary>
    public static Rule PathNotFound { get; } = Define("TC5006", Severity.Error, Check, "Path not found",
        "{0} answered 404 for {1}: the server runs, but not at this path.", "Correct the path (the contract's scrape.path, or the /prometheus prefix for Mimir and VictoriaMetrics).");

    /// <summary>Any other non-success status.</summary>
    public static Rule UnexpectedStatus { get; } = Define("TC5007", Severity.Error, Check, "Unexpected HTTP status",
        "{0} at {1} answered HTTP {2} {3}.", "Read the answer in the evidence; a 5xx is the server's own failure, a 4xx a wrong request or URL.");

    /// <summary>The answer is not HTTP, not the expected format, or too large.</summary>
    public static Rule UnusableAnswer { get; } = Define("TC5008", Severity.Error, Check, "Unusable answer",
        "{0} at {1} gave an unusable answer: {2}.", "Make sure the URL points at the right server and port (not a proxy, a different service or a debug port).");

    // --- the metrics endpoint ---

    /// <summary>The exposition does not parse.</summary>
    public static Rule ExpositionInvalid { get; } = Define("TC5010", Severity.Error, Check, "Exposition does not parse",
        "The metrics endpoint {0} serves text Prometheus would reject: {1}.", "Prometheus drops the whole scrape on the first parse error, so every metric of the target shows 'No data'; fix the line shown.");

    /// <summary>A declared metric is not served.</summary>
    public static Rule MetricNotExposed { get; } = Define("TC5011", Severity.Error, Check, "Declared metric not served",
        "The metric '{0}' is declared in the contract but the metrics endpoint does not serve it{1}.", "Deploy a build that registers it (dashboards ahead of code); a metric with labels appears only after its first recording, so exercise that code path; or mark it required: false until it ships.");

    /// <summary>A metric has another type than declared.</summary>
    public static Rule MetricTypeMismatch { get; } = Define("TC5012", Severity.Error, Check, "Metric type differs",
        "The metric '{0}' is declared as {1} but served as {2}.", "Emit it with the declared instrument type; rate() on a gauge or histogram_quantile() on a counter shows nonsense.");

    /// <summary>Label names differ.</summary>
    public static Rule MetricLabelsMismatch { get; } = Define("TC5013", Severity.Error, Check, "Label names differ",
        "The metric '{0}' is served with labels {{{1}}} but the contract declares {{{2}}}{3}.", "Rename the label in code (or in the contract); queries filter by the declared names and match nothing otherwise.");

    /// <summary>Histogram buckets differ.</summary>
    public static Rule BucketLayoutMismatch { get; } = Define("TC5014", Severity.Error, Check, "Bucket layout differs",
        "The histogram '{0}' is served with buckets [{1}] but the contract declares [{2}].", "Use the declared buckets; SLO queries read the bucket at the objective (e.g. le=\"600\") and find none otherwise.");

    /// <summary>Label value outside a closed set.</summary>
    public static Rule LabelValueOutsideClosedSet { get; } = Define("TC5015", Severity.Error, Check, "Label value outside the closed set",
        "The metric '{0}' has {1}=\"{2}\", which is not one of the declared values [{3}].", "Map the value to a declared one in code, or add it to the contract's closed set; dashboards with a fixed variable list hide it.");

    /// <summary>A metric under the namespace that the contract does not declare.</summary>
    public static Rule UndeclaredMetric { get; } = Define("TC5016", Severity.Warning, Check, "Undeclared metric under the namespace",
        "The metric '{0}' is served under the contract's namespace '{1}' but not declared.", "Declare it in the contract (so dashboards and tests know it) or stop emitting it.");

    // --- the TSDB: Prometheus, Mimir, VictoriaMetrics ---

    /// <summary>No scrape target for the job.</summary>
    public static Rule ScrapeTargetMissing { get; } = Define("TC5020", Severity.Error, Check, "No scrape target for the job",
        "{0} has no scrape target with job=\"{1}\"{2}.", "Add the generated scrape config (job_name: {1}) to Prometheus and reload it.");

    /// <summary>The target is down; the cause is translated from lastError.</summary>
    public static Rule ScrapeTargetDown { get; } = Define("TC5021", Severity.Error, Check, "Scrape target is down",
        "The scrape target {0} of job \"{1}\" is down: {2}.", "{3}");

    /// <summary>up == 0 (no targets API: Mimir, VictoriaMetrics).</summary>
    public static Rule UpIsZero { get; } = Define("TC5022", Severity.Error, Check, "up is 0 for the job",
        "up{{job=\"{0}\"}} is 0 for {1}: the scraper reaches no healthy target.", "The scraper's own log or its /targets page has the reason (host does not resolve, refused, 401); the endpoint check shows whether the service itself serves.");

    /// <summary>No up series at all.</summary>
    public static Rule NoUpSeries { get; } = Define("TC5023", Severity.Error, Check, "The job is not scraped",
        "{0} has no up{{job=\"{1}\"}} series: nothing scrapes this job{2}.", "Add the generated scrape config to the scraper (Prometheus, Alloy, the OpenTelemetry Collector) with job_name \"{1}\".");

    /// <summary>A declared metric never existed for the job.</summary>
    public static Rule MetricNeverInTsdb { get; } = Define("TC5024", Severity.Error, Check, "Metric has no series",
        "{0} has no series of '{1}' for job=\"{2}\" in the last {3}{4}.", "Deploy a build that emits it, or correct the name in the contract and the dashboards.");

    /// <summary>A metric disappeared.</summary>
    public static Rule MetricDisappeared { get; } = Define("TC5025", Severity.Error, Check, "Metric disappeared",
        "'{0}' had series for job=\"{1}\" in the last {2} but none in the last {3}.", "A recent deploy stopped emitting it or the target went down; compare the build that is running with the one before.");

    /// <summary>A declared label is missing on the stored series.</summary>
    public static Rule LabelMissingInTsdb { get; } = Define("TC5026", Severity.Error, Check, "Label missing on the series",
        "The series of '{0}' for job=\"{1}\" have no label '{2}'{3}.", "Emit the label under the declared name (or fix relabel_configs that drop or rename it).");

    /// <summary>A declared closed value never occurs.</summary>
    public static Rule LabelValueMissingInTsdb { get; } = Define("TC5027", Severity.Info, Check, "Declared label value not seen",
        "No series of '{0}' for job=\"{1}\" has {2}=\"{3}\" (seen: {4}).", "Fine when that case has not happened yet; a panel filtered on it will show 'No data' until it does.");

    /// <summary>The TSDB answered a query with an error.</summary>
    public static Rule QueryFailed { get; } = Define("TC5028", Severity.Error, Check, "Query failed",
        "{0} rejected the query {1}: {2}.", "Read the error in the evidence; a 'bad_data' answer means the query or its parameters, a 5xx the server.");

    // --- Loki ---

    /// <summary>Loki answered /ready with something else than ready.</summary>
    public static Rule LokiNotReady { get; } = Define("TC5040", Severity.Error, Check, "Loki is not ready",
        "Loki at {0} is not ready: {1}.", "Loki answers 503 for the first seconds after start and while the ingester joins the ring; wait and retry, or read its log if it stays.");

    /// <summary>A declared stream label name is not known to Loki.</summary>
    public static Rule LokiLabelMissing { get; } = Define("TC5041", Severity.Error, Check, "Stream label missing in Loki",
        "Loki has no stream label '{0}' (declared by log stream '{1}'); labels that exist: {2}.", "Attach the label in the log collector (Promtail/Alloy relabeling, Docker labels) under the declared name.");

    /// <summary>A declared stream label value is not known to Loki.</summary>
    public static Rule LokiLabelValueMissing { get; } = Define("TC5042", Severity.Error, Check, "Stream label value missing in Loki",
        "Loki has no stream with {0}=\"{1}\" (log stream '{2}'); values of '{0}' that exist: {3}.", "Make the collector attach {0}=\"{1}\" (it often attaches a generic value such as source=\"docker\"), or correct the contract.");

    /// <summary>The stream has no recent lines.</summary>
    public static Rule LokiNoRecentLines { get; } = Define("TC5043", Severity.Error, Check, "No recent log lines",
        "Loki has no lines for {0} in the last {1}.", "Check that the service logs to stdout/the collected file and that the collector ships it with these labels.");

    /// <summary>| json leaves __error__.</summary>
    public static Rule LokiJsonParseError { get; } = Define("TC5044", Severity.Error, Check, "Log lines are not JSON",
        "{0} of {1} recent lines of {2} do not parse with '| json' ({3}).", "Write one JSON object per line (no prefixes from the runtime or the collector's multiline/CRI wrapping).");

    /// <summary>A declared JSON field never appears.</summary>
    public static Rule LokiJsonFieldMissing { get; } = Define("TC5045", Severity.Warning, Check, "Declared JSON field not seen",
        "None of the {0} recent lines of {1} has the field '{2}'{3}.", "Emit the field under the declared name, or remove it from the contract; panels that filter on it show nothing.");

    // --- Grafana ---

    /// <summary>/api/health is not ok.</summary>
    public static Rule GrafanaUnhealthy { get; } = Define("TC5060", Severity.Error, Check, "Grafana is not healthy",
        "Grafana at {0} reports database '{1}'.", "Grafana cannot read its database; check its log and storage.");

    /// <summary>A dashboard datasource UID does not exist.</summary>
    public static Rule DatasourceMissing { get; } = Define("TC5061", Severity.Error, Check, "Datasource UID not provisioned",
        "The dashboard '{0}' uses datasource uid '{1}', which Grafana does not have{2}.", "Provision the datasource with that uid (provisioning/datasources/*.yaml, uid: {1}), or generate the dashboards with the uid that exists.");

    /// <summary>A datasource exists with the wrong type.</summary>
    public static Rule DatasourceWrongType { get; } = Define("TC5062", Severity.Error, Check, "Datasource has the wrong type",
        "The datasource uid '{0}' used by dashboard '{1}' is of type '{2}', but the panels expect '{3}'.", "Point the dashboard at a datasource of the expected type; a PromQL query sent to Loki (or the reverse) fails.");

    /// <summary>A generated dashboard is not provisioned.</summary>
    public static Rule DashboardNotProvisioned { get; } = Define("TC5063", Severity.Error, Check, "Dashboard not provisioned",
        "The generated dashboard '{0}' (uid '{1}') is not in Grafana.", "Copy the generated dashboards into the folder the dashboard provider reads (provisioning/dashboards/*.yaml, options.path) and restart or wait for the provider's interval.");

    // --- the run itself ---

    /// <summary>Settings the check needs are invalid.</summary>
    public static Rule CheckMisconfigured { get; } = Define("TC5090", Severity.Error, Check, "Check settings invalid",
        "The {0} setting is invalid: {1}.", "Correct the option or environment variable named in the message.");

    /// <summary>The whole run exceeded its time budget.</summary>
    public static Rule RunDeadlineExceeded { get; } = Define("TC5098", Severity.Error, Check, "Run exceeded its time budget",
        "The check '{0}' was stopped because the run exceeded its budget of {1}.", "A backend is too slow to answer; the findings before this one are complete.");

    /// <summary>A check failed unexpectedly (a bug in the check, not in the system under test).</summary>
    public static Rule CheckCrashed { get; } = Define("TC5099", Severity.Error, Check, "Check failed internally",
        "The check '{0}' failed internally: {1}.", "This is a bug in telemetry-contracts; report it with the evidence (secrets are redacted).");
}
