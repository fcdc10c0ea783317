namespace Declarative.Caching;

/// <summary>How a build uses the model cache (MSBuild's <c>DeclarativeModelCacheMode</c>).</summary>
internal enum ModelCacheMode
{
    /// <summary>Restore hits and store what a miss trains: a developer's machine, CI on the main branch.</summary>
    ReadWrite,

    /// <summary>Restore hits, store nothing: CI of pull requests, which must not write what others will trust.</summary>
    Read,

    /// <summary>The cache is not used.</summary>
    Off,
}
