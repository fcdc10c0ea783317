// The design-time training host: `dotnet exec` runs it with the user's deps.json and runtimeconfig (the dotnet-ef
// pattern), so it binds to the Declarative runtime and ML.NET of the user's own project. Arguments:
// <built assembly> <artifacts directory> [--retune] [--no-report]. See Declarative.Build.BuildHost.
return Declarative.Build.BuildHost.Run(args, Console.Out);
