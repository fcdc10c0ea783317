using System.Net;
using System.Net.Http.Headers;

namespace Declarative.Caching;

/// <summary>
/// Entries at <c>&lt;url&gt;/&lt;key&gt;.zip</c> on an HTTP server: <c>GET</c> restores one (404 is a miss), <c>PUT</c>
/// stores one (a WebDAV folder, an object store's presigned prefix, or a small service). The <c>Authorization</c>
/// header's value comes from an environment variable, so the secret is in no file and no message.
/// </summary>
internal sealed class HttpModelCacheStore : IModelCacheStore, IDisposable
{
    private readonly HttpClient _client;
    private readonly Uri _base;
    private readonly string? _authorization;

    public HttpModelCacheStore(Uri location, string? authorization)
    {
        _base = location.AbsoluteUri.EndsWith('/') ? location : new Uri(location.AbsoluteUri + "/");
        _authorization = authorization;
        // An unreachable server must cost a build seconds, not minutes; an upload of a large model may take longer.
        _client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) }) { Timeout = TimeSpan.FromMinutes(5) };
    }

    /// <summary>The URL without credentials (a user:password in it is not shown).</summary>
    public string Location => new UriBuilder(_base) { UserName = "", Password = "" }.Uri.AbsoluteUri;

    public Stream? Open(string key)
    {
        using var request = Request(HttpMethod.Get, key);
        HttpResponseMessage response;
        try
        {
            response = _client.Send(request, HttpCompletionOption.ResponseHeadersRead);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            throw new ModelCacheUnavailableException($"GET {Location}{key}{ModelCacheEntry.FileExtension} failed: {e.Message}", e);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            Expect(response, "GET", key);
            try
            {
                using var body = response.Content.ReadAsStream();
                return Artifacts.BoundedCopy.ToMemory(body, ModelCacheEntry.MaxBytes)
                    ?? throw new ModelCacheEntryException($"it is larger than {ModelCacheEntry.MaxBytes >> 20:N0} MiB");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                throw new ModelCacheUnavailableException($"GET {Location}{key}{ModelCacheEntry.FileExtension} broke off: {e.Message}", e);
            }
        }
    }

    public void Save(string key, Action<Stream> write)
    {
        using var body = new MemoryStream();
        write(body);
        body.Position = 0;
        using var request = Request(HttpMethod.Put, key);
        request.Content = new StreamContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        try
        {
            using var response = _client.Send(request);
            Expect(response, "PUT", key);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            throw new ModelCacheUnavailableException($"PUT {Location}{key}{ModelCacheEntry.FileExtension} failed: {e.Message}", e);
        }
    }

    public void Dispose() => _client.Dispose();

    private HttpRequestMessage Request(HttpMethod method, string key)
    {
        var request = new HttpRequestMessage(method, new Uri(_base, key + ModelCacheEntry.FileExtension));
        if (_authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        }

        return request;
    }

    private void Expect(HttpResponseMessage response, string method, string key)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new ModelCacheUnavailableException(
                $"{method} {Location}{key}{ModelCacheEntry.FileExtension} answered {(int)response.StatusCode} {response.ReasonPhrase}" +
                (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? " (check the credentials in the variable DeclarativeModelCacheAuthVariable names)" : ""));
        }
    }
}
