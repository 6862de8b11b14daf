using System.Net;
using System.Text;
using System.Text.Json;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Logging.Tests;

/// <summary>
/// A local HTTP listener on 127.0.0.1 that answers Loki push requests with the byte-exact responses recorded from a
/// real Loki 2.9.9. It checks every request the way Loki does before choosing the recording: a non-JSON content type
/// gets <c>43-error-push-wrong-content-type</c>, a body that is not JSON gets <c>39</c>, a stream without labels gets
/// <c>40</c>, a non-numeric timestamp gets <c>41</c>; otherwise the test's chosen recording is served.
/// </summary>
internal sealed class LokiReplayServer : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;
    private readonly Func<int, string> choose;

    public LokiReplayServer(Func<int, string> chooseRecording)
    {
        choose = chooseRecording;
        Port = FreePort.Next();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    public List<(string Path, string ContentType, string Body, string? Authorization, string Served)> Requests { get; } = [];

    /// <summary>Held open until released, to simulate a stalled Loki.</summary>
    public TaskCompletionSource Gate { get; set; } = CompletedGate();

    public async ValueTask DisposeAsync()
    {
        Gate.TrySetResult();
        listener.Close();
        try
        {
            await loop;
        }
        catch (Exception)
        {
        }
    }

    private static TaskCompletionSource CompletedGate()
    {
        var t = new TaskCompletionSource();
        t.SetResult();
        return t;
    }

    private async Task LoopAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        string body;
        using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        int index;
        lock (Requests)
        {
            index = Requests.Count;
        }

        var contentType = context.Request.ContentType ?? string.Empty;
        var recording = context.Request.Url!.AbsolutePath != "/loki/api/v1/push" ? "44-error-unknown-path"
            : !contentType.StartsWith("application/json", StringComparison.Ordinal) ? "43-error-push-wrong-content-type"
            : Validate(body) ?? choose(index);
        lock (Requests)
        {
            Requests.Add((context.Request.Url.AbsolutePath, contentType, body, context.Request.Headers["Authorization"], recording));
        }

        await Gate.Task;
        await Replay(context.Response, recording);
    }

    private static string? Validate(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            foreach (var stream in doc.RootElement.GetProperty("streams").EnumerateArray())
            {
                if (!stream.GetProperty("stream").EnumerateObject().Any())
                {
                    return "40-error-push-no-labels";
                }

                foreach (var value in stream.GetProperty("values").EnumerateArray())
                {
                    if (value.GetArrayLength() != 2 || value[0].ValueKind != JsonValueKind.String || !ulong.TryParse(value[0].GetString(), out _) || value[1].ValueKind != JsonValueKind.String)
                    {
                        return "41-error-push-bad-timestamp";
                    }
                }
            }

            return null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "39-error-push-not-json";
        }
    }

    /// <summary>Serves a recording: status line and headers from <c>NN.headers.txt</c>, body from the body file.</summary>
    public static async Task Replay(HttpListenerResponse response, string recording)
    {
        var dir = RepoPaths.LokiRecordings;
        var headerLines = (await File.ReadAllLinesAsync(Path.Combine(dir, recording + ".headers.txt"))).Where(l => l.Length > 0).ToArray();
        var status = headerLines[0].Split(' ');
        response.StatusCode = int.Parse(status[1]);
        response.StatusDescription = string.Join(' ', status.Skip(2));
        foreach (var header in headerLines.Skip(1))
        {
            var colon = header.IndexOf(':');
            var name = header[..colon];
            if (name is "Content-Type")
            {
                response.ContentType = header[(colon + 1)..].Trim();
            }
        }

        var bodyFile = Directory.GetFiles(dir, recording + ".*").FirstOrDefault(f => !f.EndsWith(".headers.txt", StringComparison.Ordinal));
        var bytes = bodyFile is null || bodyFile.EndsWith(".empty", StringComparison.Ordinal) ? [] : await File.ReadAllBytesAsync(bodyFile);
        if (response.StatusCode != 204)
        {
            await response.OutputStream.WriteAsync(bytes);
        }

        response.Close();
    }
}
