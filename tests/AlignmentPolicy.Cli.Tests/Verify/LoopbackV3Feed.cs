using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace AlignmentPolicy.Tests.Infrastructure;

/// <summary>
/// A minimal NuGet v3 feed on 127.0.0.1 for tests: a service index, a search service listing every package, and a
/// flat container serving version lists and .nupkg files from a folder. Loopback only, bounded in requests and time.
/// </summary>
internal sealed class LoopbackV3Feed : IDisposable
{
    private const int MaxRequests = 10_000;
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, SortedDictionary<string, string>> _packages = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromMinutes(10));
    private readonly Task _loop;
    private int _requests;

    public LoopbackV3Feed(IEnumerable<string> packageFiles)
    {
        foreach (var file in packageFiles)
        {
            var (id, version) = Identity(file);
            if (!_packages.TryGetValue(id, out var versions))
            {
                _packages[id] = versions = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            }

            versions[version] = file;
        }

        var port = FreePort();
        BaseAddress = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseAddress);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string BaseAddress { get; }

    public string ServiceIndex => BaseAddress + "v3/index.json";

    public int Requests => _requests;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested && _requests < MaxRequests)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().WaitAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }

            Interlocked.Increment(ref _requests);
            try
            {
                Handle(context);
            }
            catch (HttpListenerException)
            {
            }
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath.TrimEnd('/');
        var response = context.Response;
        if (!IPAddress.IsLoopback(context.Request.RemoteEndPoint.Address))
        {
            Send(response, 403, "text/plain", "loopback only"u8.ToArray());
            return;
        }

        if (path == "/v3/index.json")
        {
            Json(response, new
            {
                version = "3.0.0",
                resources = new object[]
                {
                    new Dictionary<string, string> { ["@id"] = BaseAddress + "v3/flat/", ["@type"] = "PackageBaseAddress/3.0.0" },
                    new Dictionary<string, string> { ["@id"] = BaseAddress + "v3/search", ["@type"] = "SearchQueryService/3.0.0-beta" },
                },
            });
        }
        else if (path == "/v3/search")
        {
            var skip = int.TryParse(context.Request.QueryString["skip"], out var s) ? s : 0;
            var take = int.TryParse(context.Request.QueryString["take"], out var t) ? t : 20;
            var page = _packages.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).Skip(skip).Take(take)
                .Select(p => new { id = p.Key, version = p.Value.Keys.Last(), versions = p.Value.Keys.Select(v => new { version = v, downloads = 0 }).ToArray() })
                .ToArray();
            Json(response, new { totalHits = _packages.Count, data = page });
        }
        else if (path.StartsWith("/v3/flat/", StringComparison.Ordinal))
        {
            var parts = path.Substring("/v3/flat/".Length).Split('/');
            if (parts.Length == 2 && parts[1] == "index.json" && _packages.TryGetValue(parts[0], out var versions))
            {
                Json(response, new { versions = versions.Keys.Select(v => v.ToLowerInvariant()).ToArray() });
            }
            else if (parts.Length == 3 && _packages.TryGetValue(parts[0], out versions) && versions.TryGetValue(parts[1], out var file)
                     && parts[2].Equals($"{parts[0]}.{parts[1]}.nupkg", StringComparison.OrdinalIgnoreCase))
            {
                Send(response, 200, "application/octet-stream", File.ReadAllBytes(file));
            }
            else
            {
                Send(response, 404, "text/plain", "not found"u8.ToArray());
            }
        }
        else
        {
            Send(response, 404, "text/plain", "not found"u8.ToArray());
        }
    }

    private static void Json(HttpListenerResponse response, object value)
        => Send(response, 200, "application/json", Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));

    private static void Send(HttpListenerResponse response, int status, string contentType, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
        response.Close();
    }

    private static (string Id, string Version) Identity(string file)
    {
        using var archive = System.IO.Compression.ZipFile.OpenRead(file);
        var nuspec = archive.Entries.First(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        using var stream = nuspec.Open();
        var document = System.Xml.Linq.XDocument.Load(stream);
        var metadata = document.Root!.Elements().First(e => e.Name.LocalName == "metadata");
        return (metadata.Elements().First(e => e.Name.LocalName == "id").Value, metadata.Elements().First(e => e.Name.LocalName == "version").Value);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
