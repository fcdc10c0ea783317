using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Declarative.EndToEnd.Tests;

/// <summary>
/// A model cache over HTTP as a team would run one: Kestrel on a loopback port, <c>GET</c> and <c>PUT</c> of
/// <c>/models/&lt;key&gt;.zip</c>, refusing any request without the bearer token. It records what it was asked.
/// </summary>
internal sealed class CacheServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CacheServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public ConcurrentDictionary<string, byte[]> Entries { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<CacheServer> StartAsync(string token)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        CacheServer? server = null;
        app.Use(async (context, next) =>
        {
            var authorized = context.Request.Headers.Authorization == $"Bearer {token}";
            server!.Requests.Enqueue($"{context.Request.Method} {context.Request.Path} {(authorized ? "authorized" : "refused")}");
            if (!authorized)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            await next(context);
        });
        app.MapGet("/models/{name}", (string name) =>
            server!.Entries.TryGetValue(name, out var bytes) ? Results.Bytes(bytes, "application/zip") : Results.NotFound());
        app.MapPut("/models/{name}", async (string name, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            server!.Entries[name] = body.ToArray();
            return Results.Created();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new CacheServer(app, address.TrimEnd('/') + "/models/");
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
