namespace Declarative.Tuning;

/// <summary>
/// Connects the build to a trial cluster named by the <c>DeclarativeTrialCluster</c> MSBuild property. A package that
/// provides clusters (Declarative.Orleans) names its provider with <see cref="TrialClusterProviderAttribute"/>, so the
/// build host finds it without the core depending on it.
/// </summary>
internal interface ITrialClusterProvider
{
    /// <summary>
    /// Starts or joins the cluster that <paramref name="setting"/> names. The caller disposes the result when it is
    /// <see cref="IAsyncDisposable"/>. <paramref name="log"/> takes lines worth showing in the build output.
    /// </summary>
    Task<ITrialCluster> ConnectAsync(string setting, Action<string> log, CancellationToken cancellationToken = default);
}

/// <summary>Names an assembly's <see cref="ITrialClusterProvider"/>.</summary>
/// <param name="providerType">A type with a public parameterless constructor that implements <see cref="ITrialClusterProvider"/>.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
internal sealed class TrialClusterProviderAttribute(Type providerType) : Attribute
{
    /// <summary>The provider type.</summary>
    public Type ProviderType { get; } = providerType;
}
