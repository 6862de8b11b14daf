using System.Collections.Frozen;
using static TelemetryContracts.PromQL.ExprType;

namespace TelemetryContracts.PromQL;

/// <summary>
/// Every PromQL function of Prometheus 2.42 and 3.x with its argument types. Functions that 2.42 lacks are marked
/// so the parser can report them as newer syntax rather than errors.
/// </summary>
public static class FunctionTable
{
    private static readonly ExprType[] V = [Vector];
    private static readonly ExprType[] M = [Matrix];

    /// <summary>All functions by name (names are case-sensitive, as in Prometheus).</summary>
    public static FrozenDictionary<string, PromQLFunction> All { get; } = Build();

    /// <summary>Looks a function up by its exact name.</summary>
    public static PromQLFunction? Find(string name) => All.GetValueOrDefault(name);

    private static FrozenDictionary<string, PromQLFunction> Build()
    {
        var list = new List<PromQLFunction>();
        void Add(string name, ExprType[] args, ExprType ret = Vector, int variadic = 0, bool old = true) =>
            list.Add(new PromQLFunction(name, args, variadic, ret, old));

        foreach (var n in new[]
                 {
                     "abs", "absent", "acos", "acosh", "asin", "asinh", "atan", "atanh", "ceil", "cos", "cosh", "deg", "exp",
                     "floor", "histogram_count", "histogram_sum", "ln", "log10", "log2", "rad", "sgn", "sin", "sinh", "sort",
                     "sort_desc", "sqrt", "tan", "tanh", "timestamp",
                 })
        {
            Add(n, V);
        }

        foreach (var n in new[]
                 {
                     "absent_over_time", "avg_over_time", "changes", "count_over_time", "delta", "deriv", "idelta", "increase",
                     "irate", "last_over_time", "max_over_time", "min_over_time", "present_over_time", "rate", "resets",
                     "stddev_over_time", "stdvar_over_time", "sum_over_time",
                 })
        {
            Add(n, M);
        }

        foreach (var n in new[] { "days_in_month", "day_of_month", "day_of_week", "day_of_year", "hour", "minute", "month", "year" })
        {
            Add(n, V, variadic: 1);
        }

        Add("clamp", [Vector, Scalar, Scalar]);
        Add("clamp_max", [Vector, Scalar]);
        Add("clamp_min", [Vector, Scalar]);
        Add("histogram_fraction", [Scalar, Scalar, Vector]);
        Add("histogram_quantile", [Scalar, Vector]);
        Add("holt_winters", [Matrix, Scalar, Scalar]);
        Add("label_replace", [Vector, ExprType.String, ExprType.String, ExprType.String, ExprType.String]);
        Add("label_join", [Vector, ExprType.String, ExprType.String, ExprType.String], variadic: -1);
        Add("pi", [], Scalar);
        Add("predict_linear", [Matrix, Scalar]);
        Add("quantile_over_time", [Scalar, Matrix]);
        Add("round", [Vector, Scalar], variadic: 1);
        Add("scalar", V, Scalar);
        Add("time", [], Scalar);
        Add("vector", [Scalar]);

        // Added after 2.42 (2.43 .. 3.x), several behind --enable-feature=promql-experimental-functions.
        foreach (var n in new[] { "histogram_avg", "histogram_stddev", "histogram_stdvar" })
        {
            Add(n, V, old: false);
        }

        foreach (var n in new[] { "mad_over_time", "first_over_time", "ts_of_first_over_time", "ts_of_max_over_time", "ts_of_min_over_time", "ts_of_last_over_time" })
        {
            Add(n, M, old: false);
        }

        Add("double_exponential_smoothing", [Matrix, Scalar, Scalar], old: false);
        Add("histogram_quantiles", [Vector, ExprType.String, Scalar, Scalar], variadic: 9, old: false);
        Add("info", [Vector, Vector], variadic: 1, old: false);
        Add("integral", [Matrix, Scalar], variadic: 1, old: false);
        Add("sort_by_label", [Vector, ExprType.String], variadic: -1, old: false);
        Add("sort_by_label_desc", [Vector, ExprType.String], variadic: -1, old: false);
        Add("start_timestamp", V, old: false);
        Add("min_of", [Scalar, Scalar], Scalar, old: false);
        Add("max_of", [Scalar, Scalar], Scalar, old: false);
        foreach (var n in new[] { "start", "end", "range", "step" })
        {
            Add(n, [], Scalar, old: false);
        }

        return list.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
    }
}
