using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;

namespace RecLab.Tests.Support;

/// <summary>
/// A minimal HTTP server on 127.0.0.1 and a free port, serving byte arrays the test registers; anything else is 404.
/// It logs every request path, and can cut a response short to imitate a dropped connection.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private sealed record Route(byte[] Body, int? SendOnly, HttpStatusCode Status);

    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, Route> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly Task _loop;

    public LoopbackServer()
    {
        // Ask the OS for a free port, then listen on it (HttpListener cannot bind port 0 itself).
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            BaseUri = new Uri($"http://127.0.0.1:{port}/");
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add(BaseUri.AbsoluteUri);
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The server's address, ending in '/'.</summary>
    public Uri BaseUri { get; }

    /// <summary>Paths requested so far (e.g. "/ml-100k.zip"), in order.</summary>
    public string[] Requests => [.. _requests];

    /// <summary>How many times <paramref name="path"/> was requested.</summary>
    public int RequestCount(string path) => _requests.Count(r => r == path);

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/> (e.g. "/ml-100k.zip").</summary>
    public void Serve(string path, byte[] body, HttpStatusCode status = HttpStatusCode.OK) => _routes[path] = new Route(body, null, status);

    /// <summary>Announces the full length of <paramref name="body"/> but sends only <paramref name="bytes"/> of it, then drops the connection.</summary>
    public void ServeTruncated(string path, byte[] body, int bytes) => _routes[path] = new Route(body, bytes, HttpStatusCode.OK);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => RespondAsync(context));
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        _requests.Enqueue(path);
        var response = context.Response;
        try
        {
            if (!_routes.TryGetValue(path, out var route))
            {
                response.StatusCode = (int)HttpStatusCode.NotFound;
                response.Close();
                return;
            }
            response.StatusCode = (int)route.Status;
            response.ContentLength64 = route.Body.Length;
            if (route.SendOnly is { } partial)
            {
                await response.OutputStream.WriteAsync(route.Body.AsMemory(0, partial)).ConfigureAwait(false);
                await response.OutputStream.FlushAsync().ConfigureAwait(false);
                response.Abort();
                return;
            }
            await response.OutputStream.WriteAsync(route.Body).ConfigureAwait(false);
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away; nothing to do.
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    /// <summary>A zip of the given entries (name to bytes), built in memory.</summary>
    public static byte[] Zip(IEnumerable<KeyValuePair<string, byte[]>> entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                stream.Write(bytes);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>A zip of a dataset's files under one top folder, as GroupLens packs them (ml-100k/u.data, ...).</summary>
    public static byte[] Zip(string folder, Dictionary<string, byte[]> files) =>
        Zip(files.Select(kv => new KeyValuePair<string, byte[]>($"{folder}/{kv.Key}", kv.Value)));
}
