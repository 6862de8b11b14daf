namespace TelemetryContracts.Testing;

/// <summary>A contract test failed: the message is the check's finding (what is wrong, the evidence, the next action).</summary>
public sealed class ContractAssertException : Xunit.Sdk.XunitException
{
    /// <summary>Creates the exception with the rendered findings.</summary>
    public ContractAssertException(string message)
        : base(message)
    {
    }
}
