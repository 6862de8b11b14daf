using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Contracts.Validation;

/// <summary>Runs every semantic rule over a bound contract. Never throws; findings only.</summary>
public static class ContractValidator
{
    /// <summary>Validates <paramref name="contract"/> and adds the findings to <paramref name="findings"/>.</summary>
    public static void Validate(TelemetryContract contract, ICollection<Finding> findings)
    {
        var ctx = new ValidationContext(contract, findings);
        NamingRules.Check(ctx);
        LabelRules.Check(ctx);
        HistogramRules.Check(ctx);
        LogStreamRules.Check(ctx);
        SloRules.Check(ctx);
    }
}
