using System.Diagnostics.CodeAnalysis;

namespace TelemetryContracts.Clients;

/// <summary>The outcome of a client call: a value or a classified <see cref="ClientFailure"/>; HTTP and network failures never throw.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class ClientResult<T>
{
    private ClientResult(T? value, ClientFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    /// <summary>The value, when the call succeeded.</summary>
    public T? Value { get; }

    /// <summary>The failure, when the call failed.</summary>
    public ClientFailure? Failure { get; }

    /// <summary>True when the call succeeded.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsSuccess => Failure is null;

    /// <summary>A success.</summary>
    public static ClientResult<T> Ok(T value) => new(value, null);

    /// <summary>A failure.</summary>
    public static ClientResult<T> Fail(ClientFailure failure) => new(default, failure ?? throw new ArgumentNullException(nameof(failure)));

    /// <summary>Maps the value of a success; failures pass through.</summary>
    public ClientResult<TOut> Map<TOut>(Func<T, TOut> map) => IsSuccess ? ClientResult<TOut>.Ok(map(Value)) : ClientResult<TOut>.Fail(Failure);

    /// <inheritdoc />
    public override string ToString() => IsSuccess ? $"Ok({Value})" : $"Failed({Failure})";
}
