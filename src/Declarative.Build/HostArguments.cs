namespace Declarative.Build;

/// <summary>
/// The host's command line: <c>&lt;assembly&gt; &lt;output directory&gt;</c> and the flags of <see cref="BuildHost"/>;
/// which operation runs follows from them (list, predict, or train).
/// </summary>
internal sealed record HostArguments(string AssemblyPath, string OutputDirectory)
{
    public bool Retune { get; init; }

    public bool Report { get; init; } = true;

    public bool List { get; init; }

    /// <summary>The pipeline, input file and output file of <c>--predict</c>, or null.</summary>
    public (string Pipeline, string Input, string Output)? Predict { get; init; }

    /// <summary>The input columns <c>--predict</c> copies to its output as they are (ids to join on), by header name.</summary>
    public IReadOnlyList<string> Keep { get; init; } = [];

    /// <summary>The pipelines to train, separated by ';', or null for all of them.</summary>
    public string? Only { get; init; }

    /// <summary>With <see cref="Predict"/>: write each row's explanation too.</summary>
    public bool Explain { get; init; }

    /// <summary>The trial cluster setting (<c>DeclarativeTrialCluster</c>), or null.</summary>
    public string? Cluster { get; init; }

    /// <summary>The model cache's folder or URL (<c>DeclarativeModelCache</c>), or null for none.</summary>
    public string? Cache { get; init; }

    /// <summary>How the build uses the model cache.</summary>
    public Caching.ModelCacheMode CacheMode { get; init; }

    /// <summary>The environment variable that holds an HTTP cache's Authorization header, or null.</summary>
    public string? CacheAuthVariable { get; init; }

    /// <summary>The arguments, or null with the usage error reported.</summary>
    public static HostArguments? Parse(IReadOnlyList<string> args, HostReporter reporter)
    {
        (string, string, string)? predict = null;
        if (args.ToList().IndexOf(BuildHost.PredictFlag) is var at and >= 0)
        {
            if (at + 3 >= args.Count)
            {
                reporter.Error(BuildHost.HostErrorCode, $"usage: {BuildHost.PredictFlag} <pipeline> <input file> <output file>");
                return null;
            }

            predict = (args[at + 1], args[at + 2], args[at + 3]);
            args = args.Take(at).Concat(args.Skip(at + 4)).ToArray();
        }

        var only = Value(args, BuildHost.OnlyFlag);
        var cluster = Value(args, BuildHost.ClusterFlag);
        var cache = Value(args, BuildHost.CacheFlag);
        var cacheAuth = Value(args, BuildHost.CacheAuthFlag);
        if (!Caching.ModelCache.TryParseMode(Value(args, BuildHost.CacheModeFlag), out var cacheMode))
        {
            reporter.Error(BuildHost.HostErrorCode, $"DeclarativeModelCacheMode is '{Value(args, BuildHost.CacheModeFlag)}'; it is ReadWrite (the default), Read or Off.");
            return null;
        }

        var keep = Value(args, BuildHost.KeepFlag)?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var positional = args.Where(a => a != BuildHost.RetuneFlag && a != BuildHost.NoReportFlag && a != BuildHost.ListFlag && a != BuildHost.ExplainFlag
            && !a.StartsWith(BuildHost.OnlyFlag, StringComparison.Ordinal) && !a.StartsWith(BuildHost.ClusterFlag, StringComparison.Ordinal)
            && !a.StartsWith(BuildHost.KeepFlag, StringComparison.Ordinal) && !a.StartsWith(BuildHost.CacheFlag, StringComparison.Ordinal)
            && !a.StartsWith(BuildHost.CacheModeFlag, StringComparison.Ordinal) && !a.StartsWith(BuildHost.CacheAuthFlag, StringComparison.Ordinal)).ToArray();
        if (positional.Length != 2)
        {
            reporter.Error(BuildHost.HostErrorCode, $"usage: Declarative.Build.Host <assembly> <output directory> [{BuildHost.RetuneFlag}] [{BuildHost.NoReportFlag}]");
            return null;
        }

        return new HostArguments(positional[0], positional[1])
        {
            Retune = args.Contains(BuildHost.RetuneFlag),
            Report = !args.Contains(BuildHost.NoReportFlag),
            List = args.Contains(BuildHost.ListFlag),
            Predict = predict,
            Only = only,
            Cluster = cluster,
            Cache = string.IsNullOrWhiteSpace(cache) ? null : cache,
            CacheMode = cacheMode,
            CacheAuthVariable = string.IsNullOrWhiteSpace(cacheAuth) ? null : cacheAuth,
            Keep = keep,
            Explain = args.Contains(BuildHost.ExplainFlag),
        };
    }

    private static string? Value(IEnumerable<string> args, string flag) =>
        args.FirstOrDefault(a => a.StartsWith(flag, StringComparison.Ordinal))?[flag.Length..];
}
