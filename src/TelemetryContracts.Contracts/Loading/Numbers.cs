using System.Globalization;

namespace TelemetryContracts.Contracts.Loading;

/// <summary>Number parsing for contract values: invariant culture, plus YAML's and Prometheus' spellings of infinity and NaN.</summary>
public static class Numbers
{
    /// <summary>Parses <paramref name="text"/>; true when it is a number (including ±Inf and NaN, which rules reject where they do not belong).</summary>
    public static bool TryParse(string text, out double value)
    {
        switch (text)
        {
            case ".inf":
            case ".Inf":
            case ".INF":
            case "+.inf":
            case "+Inf":
            case "Inf":
            case "inf":
                value = double.PositiveInfinity;
                return true;
            case "-.inf":
            case "-.Inf":
            case "-Inf":
            case "-inf":
                value = double.NegativeInfinity;
                return true;
            case ".nan":
            case ".NaN":
            case "NaN":
            case "nan":
                value = double.NaN;
                return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && text.Trim() == text && text.Length > 0;
    }

    /// <summary>The shortest round-trip text of a number, as Prometheus writes it (<c>0.5</c>, <c>1</c>, <c>+Inf</c>).</summary>
    public static string Format(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf" : double.IsNegativeInfinity(value) ? "-Inf" : double.IsNaN(value) ? "NaN" : value.ToString("R", CultureInfo.InvariantCulture);
}
