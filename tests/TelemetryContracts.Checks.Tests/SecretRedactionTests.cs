using TelemetryContracts.Cli.Commands.Check;
using TelemetryContracts.Cli.Output;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Checks.Tests;

/// <summary>
/// Runs the CLI over every kind of answer with a known token set for every backend and greps all output of every
/// format for it. Servers here echo the Authorization header and the token back on purpose (error pages do that).
/// </summary>
public sealed class SecretRedactionTests
{
    private const string Token = "tc-known-secret-9c1e4b";
    private const string Password = "tc-known-password-55aa";

    private static readonly Func<LocalHttpRequest, LocalHttpResponse?>[] Behaviours =
    {
        r => LocalHttpResponse.Text(401, $"denied: Authorization was {r.Headers.GetValueOrDefault("Authorization")}"),
        r => LocalHttpResponse.Text(403, $"forbidden for {r.Headers.GetValueOrDefault("Authorization")}"),
        r => LocalHttpResponse.Exposition(200, $"# TYPE scanium_x counter\nscanium_x{{token=\"{Token}\"}} 1 bad\n"),
        r => LocalHttpResponse.Json(400, $"{{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"token {Token} rejected\"}}"),
        r => LocalHttpResponse.Text(200, $"{{\"database\":\"{Token}\"}}", "application/json"),
        r => LocalHttpResponse.Text(500, "ok " + Token),
        _ => LocalHttpResponse.Garbage(System.Text.Encoding.ASCII.GetBytes("garbage " + Token)),
    };

    public static TheoryData<int, ReportFormat> Cases()
    {
        var data = new TheoryData<int, ReportFormat>();
        for (var i = 0; i < Behaviours.Length; i++)
        {
            foreach (var f in Enum.GetValues<ReportFormat>())
            {
                data.Add(i, f);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task KnownToken_NeverAppearsInAnyFormat(int behaviour, ReportFormat format)
    {
        await using var server = LocalHttpServer.Start(Behaviours[behaviour]);
        var env = new Dictionary<string, string> { ["TOKEN"] = Token, ["PASSWORD"] = Password };
        var args = new[]
        {
            "check", "--contract", Contracts.ScaniumPath, "--format", format.ToString().ToLowerInvariant(), "--timeout", "2",
            "--metrics-url", server.Url + "/metrics", "--metrics-token-env", "TOKEN",
            "--prometheus-url", server.Url + "/prometheus", "--prometheus-user", "u", "--prometheus-password-env", "PASSWORD",
            "--loki-url", server.Url, "--loki-token-env", "TOKEN", "--tenant", "team-a",
            "--grafana-url", server.Url, "--grafana-token-env", "TOKEN",
        };
        var (code, output, error) = await CliRunner.RunCheckAsync(args, env);
        Assert.Equal(1, code);
        Assert.NotEmpty(output);
        foreach (var secret in new[] { Token, Password, Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("u:" + Password)) })
        {
            Assert.DoesNotContain(secret, output);
            Assert.DoesNotContain(secret, error);
        }

        // The servers did receive the credentials: the test would prove nothing otherwise.
        Assert.Contains(server.Requests, r => r.Headers.GetValueOrDefault("Authorization") == "Bearer " + Token);
    }

    [Fact]
    public async Task UnsetTokenVariable_IsAUsageErrorNamingTheVariableOnly()
    {
        var (code, output, error) = await CliRunner.RunCheckAsync(new[] { "check", "--contract", Contracts.ScaniumPath, "--metrics-url", "http://127.0.0.1:1/metrics", "--metrics-token-env", "NOT_SET_ANYWHERE" }, new Dictionary<string, string>());
        Assert.Equal(2, code);
        Assert.Contains("'NOT_SET_ANYWHERE' is not set", error);
        Assert.Empty(output);
    }

    [Fact]
    public async Task CredentialsInTheUrl_AreRefusedWithoutEchoingThem()
    {
        var (code, _, error) = await CliRunner.RunCheckAsync(new[] { "check", "--contract", Contracts.ScaniumPath, "--prometheus-url", $"http://admin:{Password}@127.0.0.1:1" }, new Dictionary<string, string>());
        Assert.Equal(2, code);
        Assert.Contains("credentials in the URL are not accepted", error);
        Assert.DoesNotContain(Password, error);
    }
}
