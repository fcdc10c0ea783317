namespace Declarative.EndToEnd.Tests;

/// <summary>
/// Packs the repository once into a local folder feed, with a version of its own so that NuGet's global cache
/// never hands a test an older build of the package.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        Version = $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Guid.NewGuid():N}";
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);
        try
        {
            DotNet.Succeed(RepositoryRoot, "pack", "-c", "Release", "-o", Feed, $"-p:Version={Version}");
        }
        catch
        {
            // xunit never disposes a fixture whose constructor threw: clean up here, or a failed pack leaves its folder.
            Dispose();
            throw;
        }
    }

    public string RepositoryRoot { get; }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "declarative-e2e", Guid.NewGuid().ToString("N"));

    public string Feed { get; }

    public string Version { get; }

    public string PackagePath => Path.Combine(Feed, $"Declarative.{Version}.nupkg");

    /// <summary>Adds a reference to <paramref name="package"/> (one of this repository's, at this version) beside Declarative's.</summary>
    public void AddPackage(string project, string package)
    {
        var csproj = Path.Combine(project, Path.GetFileName(project) + ".csproj");
        var core = $"<PackageReference Include=\"Declarative\" Version=\"{Version}\" />";
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace(core, $"{core}<PackageReference Include=\"{package}\" Version=\"{Version}\" />", StringComparison.Ordinal));
    }

    /// <summary>A fresh project folder that restores Declarative from the local feed and everything else as usual.</summary>
    public string NewProject(string name, string programSource, params (string Dataset, string As)[] data) =>
        NewProject(name, "Exe", programSource, data);

    /// <summary>A fresh project of the given output type (Exe or Library) with one source file and copies of datasets.</summary>
    public string NewProject(string name, string outputType, string source, params (string Dataset, string As)[] data)
    {
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="declarative-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Declarative" Version="{Version}" />
              </ItemGroup>
              <ItemGroup>
                <None Include="data/**" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), source);
        foreach (var (dataset, target) in data)
        {
            var destination = Path.Combine(folder, target);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(Path.Combine(RepositoryRoot, "datasets", dataset), destination);
        }

        return folder;
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Root))
            {
                Directory.Delete(Root, recursive: true);
            }

            // Every package of this repository restored at this test-only version (Declarative, .Hosting, .Cli, ...).
            var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            foreach (var cached in Directory.Exists(packages) ? Directory.EnumerateDirectories(packages, "declarative*") : [])
            {
                var version = Path.Combine(cached, Version.ToLowerInvariant());
                if (Directory.Exists(version))
                {
                    Directory.Delete(version, recursive: true);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Leftovers in the temp folder are harmless.
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Declarative.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Declarative.sln) was not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>All end-to-end tests share one packed package; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "package";
}
