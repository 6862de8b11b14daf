namespace TelemetryContracts.Diagnostics;

// TC1001–TC1099: the contract model (reading, binding, validation).
public static partial class RuleCatalog
{
    private const string Contract = "Contract";

    /// <summary>The file is not valid YAML/JSON.</summary>
    public static Rule SyntaxError { get; } = Define("TC1001", Severity.Error, Contract, "YAML or JSON syntax error",
        "The contract is not valid YAML/JSON: {0}.", "Fix the syntax at the position shown; a YAML-aware editor with the contract's $schema line underlines it.");

    /// <summary>A node has the wrong shape (e.g. a list where a map is expected).</summary>
    public static Rule WrongNodeType { get; } = Define("TC1002", Severity.Error, Contract, "Wrong kind of value",
        "{0} must be {1}, but it is {2}.", "Write the value in the shape the contract format expects (see contracts/schema/telemetry-contract.schema.json).");

    /// <summary>A required key is missing.</summary>
    public static Rule MissingRequired { get; } = Define("TC1003", Severity.Error, Contract, "Required key missing",
        "{0} needs '{1}'{2}.", "Add the key; the schema lists every required key.");

    /// <summary>A key is not part of the format (usually a typo).</summary>
    public static Rule UnknownKey { get; } = Define("TC1004", Severity.Error, Contract, "Unknown key",
        "'{0}' is not a key of {1}{2}.", "Correct the spelling or remove the key; unknown keys are rejected so a typo cannot silently drop a setting.");

    /// <summary>A metric name is not valid for the Prometheus data model.</summary>
    public static Rule InvalidMetricName { get; } = Define("TC1005", Severity.Error, Contract, "Invalid metric name",
        "The metric name '{0}' is not valid: {1}.", "Use letters, digits and underscores, not starting with a digit (regex [a-zA-Z_][a-zA-Z0-9_]*); colons are reserved for recording rules.");

    /// <summary>A label name is invalid or reserved.</summary>
    public static Rule InvalidLabelName { get; } = Define("TC1006", Severity.Error, Contract, "Invalid or reserved label name",
        "The label name '{0}' is not valid: {1}.", "Use letters, digits and underscores, not starting with a digit or '__' (reserved for Prometheus' internal labels).");

    /// <summary>A label clashes with one Prometheus adds (le, quantile).</summary>
    public static Rule ReservedLabelClash { get; } = Define("TC1007", Severity.Error, Contract, "Label clashes with a generated label",
        "The label '{0}' on {1} '{2}' clashes with the '{0}' label Prometheus uses for {3}.", "Rename the label (e.g. 'level' instead of 'le').");

    /// <summary>A counter's name does not end in _total.</summary>
    public static Rule CounterWithoutTotal { get; } = Define("TC1008", Severity.Error, Contract, "Counter name without _total",
        "The counter '{0}' must end in '_total'.", "Rename it to '{1}'; OpenMetrics and OpenTelemetry exporters add '_total', so dashboards and code would disagree.");

    /// <summary>A suffix appears twice.</summary>
    public static Rule DoubledSuffix { get; } = Define("TC1009", Severity.Error, Contract, "Doubled suffix",
        "The metric name '{0}' repeats the suffix '{1}'.", "Rename it to '{2}'.");

    /// <summary>The name's unit suffix does not match the declared unit.</summary>
    public static Rule UnitSuffixMismatch { get; } = Define("TC1010", Severity.Error, Contract, "Unit suffix does not match unit",
        "The metric '{0}' declares unit '{1}' but its name {2}.", "Make the name end in '_{3}' (before '_total' for counters) or correct 'unit'.");

    /// <summary>A non-base unit (milliseconds, kilobytes, percent).</summary>
    public static Rule NonBaseUnit { get; } = Define("TC1011", Severity.Warning, Contract, "Not a base unit",
        "The metric '{0}' uses {1}; Prometheus conventions use base units ({2}).", "Record {2} and let dashboards scale the display; mixing units across services makes queries and SLO thresholds silently wrong by a factor of 1000.");

    /// <summary>Two metrics export the same name.</summary>
    public static Rule DuplicateExportedName { get; } = Define("TC1012", Severity.Error, Contract, "Duplicate exported name",
        "The series name '{0}' of '{1}' is also produced by '{2}'.", "Rename one of the metrics; Prometheus would merge or reject the clashing series.");

    /// <summary>A label is referenced but not declared.</summary>
    public static Rule UndeclaredLabel { get; } = Define("TC1013", Severity.Error, Contract, "Label not declared",
        "{0} uses the label '{1}', which is not declared under 'labels'{2}.", "Declare the label under the top-level 'labels' with its type and values, or fix the name.");

    /// <summary>A closed value set is empty.</summary>
    public static Rule EmptyClosedSet { get; } = Define("TC1014", Severity.Error, Contract, "Empty value set",
        "The label '{0}' declares an empty list of values.", "List the values, or remove 'values' and set 'max_values' to declare an open set.");

    /// <summary>A list has the same value twice.</summary>
    public static Rule DuplicateValue { get; } = Define("TC1015", Severity.Error, Contract, "Duplicate value",
        "{0} lists '{1}' more than once.", "Remove the repeated value.");

    /// <summary>A histogram has no buckets.</summary>
    public static Rule HistogramWithoutBuckets { get; } = Define("TC1016", Severity.Error, Contract, "Histogram without buckets",
        "The histogram '{0}' declares no buckets.", "Add 'buckets' with ascending upper bounds, e.g. [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] for seconds.");

    /// <summary>Buckets are not strictly increasing.</summary>
    public static Rule BucketsNotIncreasing { get; } = Define("TC1017", Severity.Error, Contract, "Buckets not strictly increasing",
        "The buckets of '{0}' must be strictly increasing, but {1} follows {2}.", "Sort the bucket bounds and remove duplicates.");

    /// <summary>A bucket bound is not a finite number.</summary>
    public static Rule BucketNotFinite { get; } = Define("TC1018", Severity.Error, Contract, "Bucket bound not finite",
        "The bucket bound '{0}' of '{1}' is not a finite number.", "Remove it: the +Inf bucket is always added, and NaN is not a bound.");

    /// <summary>A Loki stream label has unbounded values.</summary>
    public static Rule OpenStreamLabel { get; } = Define("TC1019", Severity.Error, Contract, "Open-ended stream label",
        "The stream label '{0}' of log stream '{1}' refers to '{2}', which has neither a closed set of values nor 'max_values'.", "Stream labels must have few values (Loki indexes every combination): give '{2}' a closed 'values' list or a 'max_values' bound, or move it to 'fields' and parse it with '| json'.");

    /// <summary>An SLO on a metric of the wrong type.</summary>
    public static Rule SloMetricType { get; } = Define("TC1020", Severity.Error, Contract, "SLO on wrong metric type",
        "The {0} SLO '{1}' needs a {2}, but '{3}' is a {4}.", "Point the SLO at a {2}.");

    /// <summary>A latency threshold that is not a bucket bound.</summary>
    public static Rule SloThresholdNotBucket { get; } = Define("TC1021", Severity.Error, Contract, "Latency threshold is not a bucket bound",
        "The SLO '{0}' threshold {1} is not a bucket bound of '{2}' (bounds: {3}).", "Add {1} to the histogram's buckets or use one of the bounds; burn-rate rules count le=\"{1}\" and would never match, so the alert silently never fires.");

    /// <summary>A reference to a metric that is not declared.</summary>
    public static Rule UnknownMetricReference { get; } = Define("TC1022", Severity.Error, Contract, "Unknown metric",
        "{0} refers to the metric '{1}', which is not declared{2}.", "Declare the metric under 'metrics' or fix the name.");

    /// <summary>A secret value written into the contract.</summary>
    public static Rule InlineSecret { get; } = Define("TC1023", Severity.Error, Contract, "Secret written in the contract",
        "The contract contains the secret value of '{0}'.", "Never commit secrets: name where it comes from with '{1}' (an environment variable) or '{2}' (a file), and rotate the exposed secret.");

    /// <summary>A value outside what the key allows.</summary>
    public static Rule InvalidValue { get; } = Define("TC1024", Severity.Error, Contract, "Invalid value",
        "{0} is '{1}', but it must be {2}{3}.", "Use one of the allowed values.");

    /// <summary>The input exceeds a safety limit.</summary>
    public static Rule InputLimitExceeded { get; } = Define("TC1025", Severity.Error, Contract, "Input exceeds a limit",
        "The contract was not read: {0}.", "A contract is a small, hand-written file; check that the right file was given.");

    /// <summary>The file is not text.</summary>
    public static Rule NotText { get; } = Define("TC1026", Severity.Error, Contract, "Not a text file",
        "The contract is not UTF-8 (or UTF-16/32 with a byte-order mark) text: {0}.", "Save the file as UTF-8; check that the right file was given.");

    /// <summary>A value does not fit the label's type.</summary>
    public static Rule ValueTypeMismatch { get; } = Define("TC1027", Severity.Error, Contract, "Value does not fit the type",
        "The value '{0}' of label '{1}' is not {2}.", "Correct the value or the label's 'type'.");

    /// <summary>A key appears twice in a map.</summary>
    public static Rule DuplicateKey { get; } = Define("TC1028", Severity.Error, Contract, "Duplicate key",
        "The key '{0}' appears again; the first is at {1}.", "Remove or merge one of them; YAML keeps only one and which one depends on the reader.");

    /// <summary>Buckets on a metric that is not a histogram.</summary>
    public static Rule BucketsOnNonHistogram { get; } = Define("TC1029", Severity.Error, Contract, "Buckets on a non-histogram",
        "The {0} '{1}' declares buckets, which only histograms have.", "Remove 'buckets' or change 'type' to histogram.");

    /// <summary>A non-counter name ends in _total.</summary>
    public static Rule TotalOnNonCounter { get; } = Define("TC1030", Severity.Warning, Contract, "_total on a non-counter",
        "The {0} '{1}' ends in '_total', which marks counters.", "Drop '_total', or make it a counter if it only ever increases.");

    /// <summary>An invalid service or namespace name.</summary>
    public static Rule InvalidServiceName { get; } = Define("TC1031", Severity.Error, Contract, "Invalid service or namespace",
        "The {0} '{1}' is not valid: {2}.", "Service: lower-case letters, digits and '-', as a DNS label (it names the scrape job and Loki streams). Namespace: letters, digits and '_'.");

    /// <summary>An open label with no bound.</summary>
    public static Rule UnboundedLabel { get; } = Define("TC1032", Severity.Warning, Contract, "Open label without a bound",
        "The label '{0}' has neither 'values' nor 'max_values', so its cardinality is unbounded.", "Add 'max_values' (the runtime caps series there) or a closed 'values' list.");

    /// <summary>A rename that cannot be right.</summary>
    public static Rule InvalidRename { get; } = Define("TC1033", Severity.Error, Contract, "Invalid rename",
        "The metric '{0}' says it was renamed from '{1}', {2}.", "Set 'renamed_from' to the exported name the metric had before.");

    /// <summary>The namespace appears twice at the start of a name.</summary>
    public static Rule DoubledNamespace { get; } = Define("TC1034", Severity.Warning, Contract, "Namespace repeated in the name",
        "The metric '{0}' already starts with the namespace '{1}', so it is exported as '{2}'.", "Declare the name without the namespace prefix: '{3}'.");

    /// <summary>A contract that declares nothing.</summary>
    public static Rule EmptyContract { get; } = Define("TC1035", Severity.Warning, Contract, "Contract declares nothing",
        "The contract for '{0}' declares no metrics and no log streams.", "Declare what the service emits; an empty contract proves nothing.");

    /// <summary>A label that Prometheus' target labels overwrite.</summary>
    public static Rule TargetLabelClash { get; } = Define("TC1036", Severity.Warning, Contract, "Label clashes with a target label",
        "The label '{0}' on '{1}' clashes with the target label Prometheus attaches at scrape time; it becomes 'exported_{0}' unless honor_labels is set.", "Rename the label (e.g. 'service_name' instead of 'job', 'app' instead of 'instance').");

    /// <summary>A label listed twice on one metric.</summary>
    public static Rule LabelListedTwice { get; } = Define("TC1037", Severity.Error, Contract, "Label listed twice",
        "The metric '{0}' lists the label '{1}' twice.", "Remove the repeated label.");

    /// <summary>A declared label that nothing uses.</summary>
    public static Rule UnusedLabel { get; } = Define("TC1038", Severity.Info, Contract, "Label declared but not used",
        "The label '{0}' is declared but no metric, stream or field uses it.", "Remove it or use it.");
}

public static partial class RuleCatalog
{
    /// <summary>The contract file cannot be opened or read.</summary>
    public static Rule UnreadableFile { get; } = Define("TC1039", Severity.Error, "Contract", "File cannot be read",
        "The contract file cannot be read: {0}.", "Check the path and the file's permissions.");
}
