using Orleans.TestingHost;

namespace Declarative.Orleans.Tests;

/// <summary>Several silos in this process (loopback only), each a trial worker.</summary>
internal static class TestClusters
{
    public static async Task<InProcessTestCluster> StartAsync(short silos)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) => silo.AddDeclarativeTrials(trialsAtOnce: 2));
        builder.ConfigureClient(client => client.AddDeclarativeTrials());
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
