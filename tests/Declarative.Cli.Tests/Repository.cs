namespace Declarative.Cli.Tests;

/// <summary>The repository's root, found from the test's output folder upwards.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Declarative.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Declarative.sln) was not found above " + AppContext.BaseDirectory);
    }
}
