using System.CommandLine;
using Declarative.Cli.Caching;
using Declarative.Cli.Init;
using Declarative.Cli.Projects;

var root = new RootCommand("dotnet declarative: machine-learning models declared in C# and trained by dotnet build.")
{
    InitCommand.Create(),
    CacheCommand.Create(),
};
foreach (var command in ProjectCommands.Create())
{
    root.Subcommands.Add(command);
}

return root.Parse(args).Invoke();
