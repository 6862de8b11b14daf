using System.Net;

namespace TelemetryContracts.Runtime;

/// <summary>
/// A small HTTP server exposing a registry for worker services that host no ASP.NET Core. Serves GET/HEAD on one path
/// with content negotiation and optional authentication; everything else gets 404 or 405.
/// </summary>
public sealed class MetricsServer : IAsyncDisposable, IDisposable
{
    private readonly MetricRegistry registry;
    private readonly MetricsServerOptions options;
    private readonly ScrapeAuthorizer authorizer;
    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stopping = new();
    private Task? loop;

    /// <summary>Creates the server; call <see cref="Start"/>.</summary>
    public MetricsServer(MetricRegistry registry, MetricsServerOptions? options = null)
    {
        this.registry = registry ?? throw new ArgumentNullException(nameof(registry));
        this.options = options ?? new MetricsServerOptions();
        if (this.options.Port is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), this.options.Port, "Port must be between 1 and 65535.");
        }

        if (!this.options.Path.StartsWith('/'))
        {
            throw new ArgumentException($"Path '{this.options.Path}' must start with '/'.", nameof(options));
        }

        authorizer = new ScrapeAuthorizer(this.options.Auth);
        var path = this.options.Path.EndsWith('/') ? this.options.Path : this.options.Path + "/";
        listener.Prefixes.Add($"http://{this.options.Host}:{this.options.Port}{path}");
    }

    /// <summary>The URL of the endpoint.</summary>
    public string Url => $"http://{(options.Host is "*" or "+" ? "127.0.0.1" : options.Host)}:{options.Port}{options.Path}";

    /// <summary>Starts listening; throws <see cref="HttpListenerException"/> when the port is taken.</summary>
    public MetricsServer Start()
    {
        listener.Start();
        loop = Task.Run(AcceptLoopAsync);
        return this;
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        stopping.Cancel();
        listener.Close();
        if (loop is not null)
        {
            try
            {
                await loop.ConfigureAwait(false);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
            }
        }

        stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (stopping.IsCancellationRequested || !listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                continue;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var request = context.Request;
            var path = request.Url?.AbsolutePath.TrimEnd('/') ?? string.Empty;
            if (!string.Equals(path, options.Path.TrimEnd('/'), StringComparison.Ordinal))
            {
                response.StatusCode = 404;
                return;
            }

            if (request.HttpMethod is not ("GET" or "HEAD"))
            {
                response.StatusCode = 405;
                response.AddHeader("Allow", "GET, HEAD");
                return;
            }

            if (!authorizer.IsAuthorized(request.Headers["Authorization"]))
            {
                response.StatusCode = 401;
                foreach (var challenge in authorizer.Challenges)
                {
                    response.AddHeader("WWW-Authenticate", challenge);
                }

                return;
            }

            var format = ExpositionFormat.Negotiate(request.Headers["Accept"]);
            response.StatusCode = 200;
            response.ContentType = format.ContentType;
            if (request.HttpMethod == "HEAD")
            {
                return;
            }

            await registry.WriteExpositionAsync(response.OutputStream, format, stopping.Token).ConfigureAwait(false);
        }
        catch (Exception) when (!stopping.IsCancellationRequested)
        {
            // A client that went away mid-scrape is not the server's problem; keep serving the next one.
            try
            {
                response.StatusCode = 500;
            }
            catch (InvalidOperationException)
            {
            }
        }
        catch (Exception)
        {
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception)
            {
            }
        }
    }
}
