using System.Net.Http.Json;

namespace TelemetryContracts.MainJob;

/// <summary>Realistic traffic for the sample service: mostly reads and scans, some 404s, 400s and 500s, some slow requests.</summary>
public static class TrafficDriver
{
    private static readonly string[] Names = { "usb charger", "paperback novel", "denim jacket", "garden hose", "laptop stand", "cookbook", "wool scarf" };

    /// <summary>Sends requests from <paramref name="workers"/> concurrent loops until <paramref name="duration"/> passes; returns how many were sent.</summary>
    public static async Task<int> RunAsync(Uri baseUrl, TimeSpan duration, int workers, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(10) };
        var sent = 0;
        var until = DateTime.UtcNow + duration;
        var loops = Enumerable.Range(0, workers).Select(async w =>
        {
            var random = new Random(1000 + w);
            while (DateTime.UtcNow < until && !cancellationToken.IsCancellationRequested)
            {
                try
                {
                    var dice = random.Next(100);
                    using var response = dice switch
                    {
                        < 35 => await http.GetAsync("/api/items", cancellationToken),
                        < 50 => await http.GetAsync($"/api/items/{random.Next(1, 12)}", cancellationToken),
                        < 80 => await http.PostAsJsonAsync("/api/scans", new { name = Names[random.Next(Names.Length)] }, cancellationToken),
                        < 85 => await http.PostAsJsonAsync("/api/scans", new { name = "" }, cancellationToken),
                        < 92 => await http.GetAsync($"/api/slow?ms={random.Next(100, 900)}", cancellationToken),
                        _ => await http.GetAsync("/api/fail", cancellationToken),
                    };
                    Interlocked.Increment(ref sent);
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                }

                await Task.Delay(random.Next(5, 40), cancellationToken).ConfigureAwait(false);
            }
        });
        try
        {
            await Task.WhenAll(loops);
        }
        catch (OperationCanceledException)
        {
        }

        return sent;
    }
}
