using System.CommandLine;
using Declarative.Cli.Init;

var root = new RootCommand("dotnet declarative: machine-learning models declared in C# and trained by dotnet build.")
{
    InitCommand.Create(),
};
return root.Parse(args).Invoke();
