using System.Net;
using System.Net.Sockets;
using Declarative.Tuning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

[assembly: TrialClusterProvider(typeof(Declarative.Orleans.OrleansClusterProvider))]

namespace Declarative.Orleans;

/// <summary>
/// The clusters the <c>DeclarativeTrialCluster</c> MSBuild property names: <c>localhost</c> starts one silo in the build's
/// process (trials side by side on this machine, through Orleans); <c>adonet</c> joins the cluster whose membership is
/// in the PostgreSQL database that the <c>DECLARATIVE_CLUSTER_CONNECTION</c> environment variable names (the cluster's
/// id from <c>DECLARATIVE_CLUSTER_ID</c>, default <c>declarative</c>), as a client: the silos run the trials.
/// </summary>
public sealed class OrleansClusterProvider : ITrialClusterProvider
{
    /// <summary>The setting for one silo in this process.</summary>
    public const string Localhost = "localhost";

    /// <summary>The setting for a cluster with ADO.NET (PostgreSQL) membership.</summary>
    public const string AdoNet = "adonet";

    /// <summary>The environment variable with the membership database's connection string.</summary>
    public const string ConnectionVariable = "DECLARATIVE_CLUSTER_CONNECTION";

    /// <summary>The environment variable with the cluster's id.</summary>
    public const string ClusterIdVariable = "DECLARATIVE_CLUSTER_ID";

    /// <summary>The service id every Declarative trial cluster uses.</summary>
    public const string ServiceId = "declarative";

    /// <inheritdoc/>
    public async Task<ITrialCluster> ConnectAsync(string setting, Action<string> log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentNullException.ThrowIfNull(log);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Error); // the build prints its own lines; Orleans speaks up only when something failed
        switch (setting.Trim().ToLowerInvariant())
        {
            case Localhost:
                var (siloPort, gatewayPort) = (FreePort(), FreePort());
                builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort, gatewayPort).AddDeclarativeTrials());
                log($"trials run on an Orleans silo in this process (localhost:{siloPort})");
                break;
            case AdoNet:
                var connection = Environment.GetEnvironmentVariable(ConnectionVariable);
                if (string.IsNullOrWhiteSpace(connection))
                {
                    throw new InvalidOperationException($"DeclarativeTrialCluster is '{AdoNet}', but {ConnectionVariable} is not set: set it to the connection string of the PostgreSQL database that holds the cluster's membership (docs/tuning.md).");
                }

                var clusterId = Environment.GetEnvironmentVariable(ClusterIdVariable) is { Length: > 0 } id ? id : ServiceId;
                builder.UseOrleansClient(client => client
                    .UseAdoNetClustering(o => { o.Invariant = "Npgsql"; o.ConnectionString = connection; })
                    .Configure<ClusterOptions>(o => { o.ClusterId = clusterId; o.ServiceId = ServiceId; })
                    .AddDeclarativeTrials());
                log($"trials run on Orleans cluster '{clusterId}' (ADO.NET membership)");
                break;
            default:
                throw new InvalidOperationException($"DeclarativeTrialCluster is '{setting}'; it can be '{Localhost}' (one silo in the build) or '{AdoNet}' (a cluster with PostgreSQL membership).");
        }

        var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return new HostedTrialCluster(host);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A cluster connection that stops its host when disposed.</summary>
    private sealed class HostedTrialCluster(IHost host) : ITrialCluster, IAsyncDisposable
    {
        private readonly ITrialCluster _cluster = new OrleansTrialCluster(host.Services.GetRequiredService<IGrainFactory>());

        Task<IReadOnlyList<TrialResult>> ITrialCluster.RunAsync(TrialJob job, IReadOnlyList<TrialRequest> round, CancellationToken cancellationToken) =>
            _cluster.RunAsync(job, round, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync().ConfigureAwait(false);
            host.Dispose();
        }
    }
}
